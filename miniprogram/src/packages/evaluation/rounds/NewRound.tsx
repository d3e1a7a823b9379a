import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { RoundSummary, SurveySummary } from '../../../../../shared';
import { EVALUATION_TEMPLATES } from '../../../../../shared/evaluation/evaluation-templates';
import { messageOf } from '../../../api/api-error';
import { createRound } from '../../../api/evaluation';
import { Chip } from '../../../components/chip/Chip';
import { Section } from '../../../components/section/Section';
import { draftFromTemplate, draftProblems, systemOf, usesSurveys, type SystemDraft } from './system-draft';
import { SystemEditor } from './SystemEditor';
import './index.scss';

/**
 * 新建评价轮次: an indicator system from a template, edited here (海淀's indicators are not
 * public, so its admins add them; 济南's can be adjusted); the surveys that feed its survey
 * indicators (社会认可); and the previous round that 增值 is measured against.
 */
export function NewRound({
  districtId,
  surveys,
  rounds,
  onCreated,
}: {
  districtId: string;
  surveys: SurveySummary[];
  rounds: RoundSummary[];
  onCreated: (id: string) => void;
}) {
  const [name, setName] = useState('');
  const [templateId, setTemplateId] = useState(EVALUATION_TEMPLATES[0].id);
  const [draft, setDraft] = useState<SystemDraft>(() => draftFromTemplate(EVALUATION_TEMPLATES[0]));
  const [surveyIds, setSurveyIds] = useState<string[]>([]);
  const [previousRoundId, setPrevious] = useState<string | null>(rounds[0]?.id ?? null);
  const toggle = (id: string) => setSurveyIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  const pickTemplate = (id: string) => (setTemplateId(id), setDraft(draftFromTemplate(EVALUATION_TEMPLATES.find((t) => t.id === id)!)));
  const problems = draftProblems(draft);
  const needsSurveys = usesSurveys(draft);

  const create = async () => {
    if (!name.trim()) return void Taro.showToast({ title: '请填写轮次名称', icon: 'none' });
    if (problems.length) return void Taro.showToast({ title: problems[0], icon: 'none' });
    if (needsSurveys && surveyIds.length === 0) return void Taro.showToast({ title: '请选择问卷类指标所用的问卷', icon: 'none' });
    try {
      const { id } = await createRound({
        districtId,
        name: name.trim(),
        system: systemOf(draft),
        surveyIds: needsSurveys ? surveyIds : [],
        previousRoundId,
      });
      void Taro.showToast({ title: '已创建', icon: 'success' });
      onCreated(id);
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    }
  };

  return (
    <Section title="新建评价轮次" className="new-round">
      <Text className="field__label">轮次名称</Text>
      <Input
        id="new-round-name"
        className="field__input"
        value={name}
        maxlength={40}
        placeholder="例如 2026—2027 学年第一学期"
        onInput={(e) => setName(e.detail.value)}
      />
      <Text className="field__label">指标体系模板</Text>
      <View className="chips">
        {EVALUATION_TEMPLATES.map((t) => (
          <Chip key={t.id} id={`round-template-${t.id}`} label={t.name} selected={t.id === templateId} onPick={() => pickTemplate(t.id)} />
        ))}
      </View>
      <Text className="field__hint">各维度内指标权重合计须为 100；人工评分由区管理员录入并注明依据，问卷类指标取所选问卷的结果。</Text>
      <SystemEditor draft={draft} onChange={setDraft} />
      {problems.map((p) => (
        <Text key={p} className="new-round__problems">
          {p}
        </Text>
      ))}
      {needsSurveys ? (
        <>
          <Text className="field__label">问卷类指标的数据来源（社会认可）</Text>
          <View className="chips">
            {surveys.length === 0 ? <Text className="field__hint">本区还没有问卷，请先在“问卷”中发布</Text> : null}
            {surveys.map((s) => (
              <Chip
                key={s.id}
                id={`round-survey-${s.id}`}
                label={s.title}
                selected={surveyIds.includes(s.id)}
                onPick={() => toggle(s.id)}
              />
            ))}
          </View>
        </>
      ) : null}
      <Text className="field__label">对比上一轮（增值）</Text>
      <View className="chips">
        <Chip id="round-previous-none" label="不对比" selected={previousRoundId === null} onPick={() => setPrevious(null)} />
        {rounds.map((r) => (
          <Chip
            key={r.id}
            id={`round-previous-${r.id}`}
            label={r.name}
            selected={previousRoundId === r.id}
            onPick={() => setPrevious(r.id)}
          />
        ))}
      </View>
      <Button id="new-round-create" className="primary-button" onClick={() => void create()}>
        创建轮次
      </Button>
    </Section>
  );
}
