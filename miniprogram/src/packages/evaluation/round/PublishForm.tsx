import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { RoundPublication } from '../../../../../shared';
import { messageOf } from '../../../api/api-error';
import { setPublication } from '../../../api/evaluation';
import { Chip } from '../../../components/chip/Chip';
import { Section } from '../../../components/section/Section';

type Part = keyof RoundPublication['show'];
const PARTS: Array<{ part: Part; label: string }> = [
  { part: 'total', label: '集团总分及提示' },
  { part: 'dimensions', label: '各维度得分' },
  { part: 'schools', label: '成员校总分' },
  { part: 'ranking', label: '全区排名' },
];
const NOTHING: RoundPublication['show'] = { total: false, dimensions: false, schools: false, ranking: false };

/** 公开设置 of a locked round: which parts the public sees on each group's page. */
export function PublishForm({ roundId, current, onSaved }: { roundId: string; current: RoundPublication | null; onSaved: () => void }) {
  const [show, setShow] = useState(current?.show ?? { ...NOTHING, total: true, dimensions: true });
  const save = async (published: boolean) => {
    try {
      await setPublication(roundId, { published, show });
      void Taro.showToast({ title: published ? '已公开' : '已撤回公开', icon: 'success' });
      onSaved();
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    }
  };
  return (
    <Section title="公开设置" className="publish-form">
      <Text className="detail__note">{current?.published ? '当前已公开，家长可在集团页面看到所选内容' : '当前未公开'}</Text>
      <View className="chips">
        {PARTS.map(({ part, label }) => (
          <Chip
            key={part}
            id={`publish-${part}`}
            label={label}
            selected={show[part]}
            onPick={() => setShow((s) => ({ ...s, [part]: !s[part] }))}
          />
        ))}
      </View>
      <Button id="publish-save" className="primary-button" onClick={() => void save(true)}>
        {current?.published ? '更新公开内容' : '公开'}
      </Button>
      {current?.published ? (
        <Button id="publish-withdraw" size="mini" onClick={() => void save(false)}>
          撤回公开
        </Button>
      ) : null}
    </Section>
  );
}
