import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { RoundReport } from '../../../../../shared';
import { messageOf } from '../../../api/api-error';
import { putManualScore } from '../../../api/evaluation';
import { Chip } from '../../../components/chip/Chip';
import { Section } from '../../../components/section/Section';
import { scoreText } from '../../../utils/score';

const OTHERS = '__others__';

/**
 * 录入人工评分: pick a group, one of its schools and a manual indicator, then a 0–100 score with
 * its evidence and the name of who entered it (all three are kept and exported).
 */
export function ScoreForm({ report, onSaved }: { report: RoundReport; onSaved: () => void }) {
  const inGroups = new Set(report.groups.flatMap((g) => g.schoolIds));
  const buckets = [
    ...report.groups.map((g) => ({ id: g.id, name: g.name, schoolIds: g.schoolIds })),
    { id: OTHERS, name: '未入集团的学校', schoolIds: report.schools.map((s) => s.id).filter((id) => !inGroups.has(id)) },
  ].filter((b) => b.schoolIds.length > 0);
  const indicators = report.system.dimensions.flatMap((d) =>
    d.indicators
      .filter((i) => i.source.kind === 'manual')
      .map((i) => ({ key: `${d.id}/${i.id}`, dimensionId: d.id, indicatorId: i.id, label: `${d.name}·${i.name}` })),
  );
  const [bucketId, setBucket] = useState(buckets[0]?.id ?? '');
  const [schoolId, setSchool] = useState(buckets[0]?.schoolIds[0] ?? '');
  const [key, setKey] = useState(indicators[0]?.key ?? '');
  const [score, setScore] = useState('');
  const [evidence, setEvidence] = useState('');
  const [enteredBy, setEnteredBy] = useState('');
  const bucket = buckets.find((b) => b.id === bucketId);
  const schoolName = (id: string) => report.schools.find((s) => s.id === id)?.name ?? id;
  const current = report.schools.find((s) => s.id === schoolId)?.indicators[key];

  const save = async () => {
    const value = Number(score);
    if (score.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100)
      return void Taro.showToast({ title: '分数须在 0 到 100 之间', icon: 'none' });
    if (!evidence.trim() || !enteredBy.trim()) return void Taro.showToast({ title: '请填写评分依据和录入人', icon: 'none' });
    const indicator = indicators.find((i) => i.key === key)!;
    try {
      await putManualScore(report.roundId, {
        schoolId,
        dimensionId: indicator.dimensionId,
        indicatorId: indicator.indicatorId,
        score: value,
        evidence: evidence.trim(),
        enteredBy: enteredBy.trim(),
      });
      void Taro.showToast({ title: '已保存', icon: 'success' });
      setScore('');
      onSaved();
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    }
  };

  return (
    <Section title="录入人工评分" className="score-form">
      <Text className="field__label">集团</Text>
      <View className="chips">
        {buckets.map((b) => (
          <Chip
            key={b.id}
            id={`score-group-${b.id}`}
            label={b.name}
            selected={b.id === bucketId}
            onPick={() => (setBucket(b.id), setSchool(b.schoolIds[0]))}
          />
        ))}
      </View>
      <Text className="field__label">学校</Text>
      <View className="chips">
        {bucket?.schoolIds.map((id) => (
          <Chip key={id} id={`score-school-${id}`} label={schoolName(id)} selected={id === schoolId} onPick={() => setSchool(id)} />
        ))}
      </View>
      <Text className="field__label">指标</Text>
      <View className="chips">
        {indicators.map((i) => (
          <Chip key={i.key} id={`score-indicator-${i.dimensionId}`} label={i.label} selected={i.key === key} onPick={() => setKey(i.key)} />
        ))}
      </View>
      <Text className="detail__note" id="score-current">
        当前：
        {current?.score === null || current?.score === undefined
          ? '未录入'
          : `${scoreText(current.score)} 分（${current.enteredBy ?? ''}）`}
      </Text>
      <Text className="field__label">分数（0–100）</Text>
      <Input id="score-value" className="field__input" type="digit" value={score} onInput={(e) => setScore(e.detail.value)} />
      <Text className="field__label">评分依据</Text>
      <Textarea
        id="score-evidence"
        className="field__textarea"
        value={evidence}
        maxlength={500}
        placeholder="例如 督导报告第 3 页"
        onInput={(e) => setEvidence(e.detail.value)}
      />
      <Text className="field__label">录入人</Text>
      <Input
        id="score-entered-by"
        className="field__input"
        value={enteredBy}
        maxlength={30}
        onInput={(e) => setEnteredBy(e.detail.value)}
      />
      <Button id="score-save" className="primary-button" onClick={() => void save()}>
        保存评分
      </Button>
    </Section>
  );
}
