import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { RoundSummary } from '../../../../../shared';
import { EVALUATION_TEMPLATES } from '../../../../../shared/evaluation-templates';
import { messageOf } from '../../../api/api-error';
import { createRound } from '../../../api/evaluation';
import type { SurveySummary } from '../../../api/surveys';
import { Chip } from '../../../components/chip/Chip';
import { Section } from '../../../components/section/Section';

const JINAN = EVALUATION_TEMPLATES.find((t) => t.id === 'jinan-shizhong')!;

/**
 * 新建评价轮次 from the 济南市中区 template: its 社会认可 is fed by the surveys picked here, and
 * 增值 is measured against the previous round picked here. (The 海淀 template needs its
 * indicators added first, which this form does not do, so it is not offered.)
 */
export function NewRound({ districtId, surveys, rounds, onCreated }: { districtId: string; surveys: SurveySummary[]; rounds: RoundSummary[]; onCreated: (id: string) => void }) {
  const [name, setName] = useState('');
  const [surveyIds, setSurveyIds] = useState<string[]>([]);
  const [previousRoundId, setPrevious] = useState<string | null>(rounds[0]?.id ?? null);
  const toggle = (id: string) => setSurveyIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  const create = async () => {
    if (!name.trim()) return void Taro.showToast({ title: '请填写轮次名称', icon: 'none' });
    if (surveyIds.length === 0) return void Taro.showToast({ title: '请选择社会认可所用的问卷', icon: 'none' });
    try {
      const { id } = await createRound({ districtId, name: name.trim(), templateId: 'jinan-shizhong', surveyIds, previousRoundId });
      void Taro.showToast({ title: '已创建', icon: 'success' });
      onCreated(id);
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    }
  };

  return (
    <Section title="新建评价轮次" className="new-round">
      <Text className="field__label">指标体系</Text>
      <Text className="detail__note">
        {JINAN.name}：{JINAN.dimensions.map((d) => `${d.name} ${d.weight}`).join('、')}
      </Text>
      <Text className="field__label">轮次名称</Text>
      <Input id="new-round-name" className="field__input" value={name} maxlength={40} placeholder="例如 2026—2027 学年第一学期" onInput={(e) => setName(e.detail.value)} />
      <Text className="field__label">社会认可数据来源（问卷）</Text>
      <View className="chips">
        {surveys.length === 0 ? <Text className="detail__note">本区还没有问卷，请先在“问卷”中发布</Text> : null}
        {surveys.map((s) => (
          <Chip key={s.id} id={`round-survey-${s.id}`} label={s.title} selected={surveyIds.includes(s.id)} onPick={() => toggle(s.id)} />
        ))}
      </View>
      <Text className="field__label">对比上一轮（增值）</Text>
      <View className="chips">
        <Chip id="round-previous-none" label="不对比" selected={previousRoundId === null} onPick={() => setPrevious(null)} />
        {rounds.map((r) => (
          <Chip key={r.id} id={`round-previous-${r.id}`} label={r.name} selected={previousRoundId === r.id} onPick={() => setPrevious(r.id)} />
        ))}
      </View>
      <Button id="new-round-create" className="primary-button" onClick={() => void create()}>
        创建轮次
      </Button>
    </Section>
  );
}
