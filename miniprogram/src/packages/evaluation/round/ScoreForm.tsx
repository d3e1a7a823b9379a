import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { RoundReport } from '../../../../../shared';
import { putManualScore } from '../../../api/evaluation';
import { saveProblem } from '../../../api/field-errors';
import { Chip } from '../../../components/chip/Chip';
import { FieldError } from '../../../components/field-error/FieldError';
import { Section } from '../../../components/section/Section';
import { scoreText } from '../../../utils/score';

const OTHERS = '__others__';

/**
 * 录入人工评分: pick a group, one of its schools and a manual indicator, then a 0–100 score with
 * its evidence and the name of who entered it (all three are kept and exported). Each field
 * shows its own problem, the form's checks and the server's alike.
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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const bucket = buckets.find((b) => b.id === bucketId);
  const schoolName = (id: string) => report.schools.find((s) => s.id === id)?.name ?? id;
  const current = report.schools.find((s) => s.id === schoolId)?.indicators[key];

  const save = async () => {
    const value = Number(score);
    const local: Record<string, string> = {};
    if (score.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) local.score = '分数须在 0–100 之间';
    if (!evidence.trim()) local.evidence = '请填写依据';
    if (!enteredBy.trim()) local.enteredBy = '请填写录入人';
    setErrors(local);
    setMessage('');
    if (Object.keys(local).length) return;
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
      const problem = saveProblem(error);
      setErrors(problem.fields);
      // A refusal about no one field (该轮次已锁定, 该指标不是人工评分指标) is said above 保存.
      setMessage(Object.keys(problem.fields).length ? '' : problem.message);
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
      <FieldError field="schoolId" errors={errors} />
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
      <FieldError field="score" errors={errors} />
      <Text className="field__label">评分依据（佐证材料）</Text>
      <Textarea
        id="score-evidence"
        className="field__textarea"
        value={evidence}
        maxlength={500}
        placeholder="例如 督导报告第 3 页"
        onInput={(e) => setEvidence(e.detail.value)}
      />
      <FieldError field="evidence" errors={errors} />
      <Text className="field__label">录入人</Text>
      <Input
        id="score-entered-by"
        className="field__input"
        value={enteredBy}
        maxlength={30}
        onInput={(e) => setEnteredBy(e.detail.value)}
      />
      <FieldError field="enteredBy" errors={errors} />
      {message ? (
        <Text className="field__error" id="score-message">
          {message}
        </Text>
      ) : null}
      <Button id="score-save" className="primary-button" onClick={() => void save()}>
        保存评分
      </Button>
    </Section>
  );
}
