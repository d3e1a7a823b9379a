import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { RoundSummary, SavedIndicatorSystem, SurveySummary } from '../../../../../shared';
import { EVALUATION_TEMPLATES } from '../../../../../shared/evaluation/evaluation-templates';
import { createRound, saveIndicatorSystem } from '../../../api/evaluation';
import { saveProblem } from '../../../api/field-errors';
import { Chip } from '../../../components/chip/Chip';
import { FieldError } from '../../../components/field-error/FieldError';
import { Section } from '../../../components/section/Section';
import { draftFieldErrors, draftFromTemplate, draftProblems, systemOf, usesSurveys, type SystemDraft } from './system-draft';
import { SystemEditor } from './SystemEditor';
import './index.scss';

const savedKey = (id: string) => `saved:${id}`;

/**
 * 新建评价轮次: an indicator system from a template or one the district saved (海淀's indicators
 * are not public, so its admins add them once and save them), edited here with every weight
 * checked as typed; the surveys that feed its survey indicators (社会认可); and the previous
 * round that 增值 is measured against. The server's messages appear beside their fields.
 */
export function NewRound({
  districtId,
  surveys,
  rounds,
  systems,
  onCreated,
  onSystemSaved,
}: {
  districtId: string;
  surveys: SurveySummary[];
  rounds: RoundSummary[];
  systems: SavedIndicatorSystem[];
  onCreated: (id: string) => void;
  onSystemSaved: () => void;
}) {
  const [name, setName] = useState('');
  const [sourceId, setSourceId] = useState<string>(EVALUATION_TEMPLATES[0].id);
  const [draft, setDraftState] = useState<SystemDraft>(() => draftFromTemplate(EVALUATION_TEMPLATES[0]));
  const [surveyIds, setSurveyIds] = useState<string[]>([]);
  const [previousRoundId, setPrevious] = useState<string | null>(rounds[0]?.id ?? null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [saveName, setSaveName] = useState('');
  const [saveErrors, setSaveErrors] = useState<Record<string, string>>({});
  const [saveMessage, setSaveMessage] = useState('');
  const [replaceOffered, setReplaceOffered] = useState(false);

  // An edit makes the server's last word on the system stale: the draft's own checks take over.
  const setDraft = (next: SystemDraft) => {
    setDraftState(next);
    setServerErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('system'))));
  };
  const toggle = (id: string) => setSurveyIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  const pickTemplate = (id: string) => (setSourceId(id), setDraft(draftFromTemplate(EVALUATION_TEMPLATES.find((t) => t.id === id)!)));
  const pickSaved = (s: SavedIndicatorSystem) => (setSourceId(savedKey(s.id)), setDraft(draftFromTemplate(s.system)), setSaveName(s.name));
  const problems = draftProblems(draft);
  const errors = { ...serverErrors, ...draftFieldErrors(draft) };
  const needsSurveys = usesSurveys(draft);

  const create = async () => {
    setMessage('');
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = '请填写轮次名称';
    if (needsSurveys && surveyIds.length === 0) local.surveyIds = '请选择问卷类指标所用的问卷';
    setServerErrors(local);
    if (Object.keys(local).length || problems.length) return setMessage(problems[0] ?? '请按提示修改后再创建');
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
      const problem = saveProblem(error);
      // surveyIds.0 and the like: shown beside the list they belong to.
      const fields = Object.fromEntries(Object.entries(problem.fields).map(([k, v]) => [k.replace(/^surveyIds\.\d+$/, 'surveyIds'), v]));
      setServerErrors(fields);
      setMessage(problem.message);
    }
  };

  const saveSystem = async (replace: boolean) => {
    setSaveMessage('');
    if (!saveName.trim()) return setSaveErrors({ systemName: '请填写名称，如 海淀区 2026 版' });
    if (problems.length) return setSaveMessage(`指标体系还不完整：${problems[0]}`);
    try {
      const saved = await saveIndicatorSystem(districtId, { name: saveName.trim(), system: systemOf(draft), replace });
      setSaveErrors({});
      setReplaceOffered(false);
      setSaveMessage(`已保存为本区指标体系“${saved.name}”，以后新建轮次可直接选用`);
      setSourceId(savedKey(saved.id));
      onSystemSaved();
    } catch (error) {
      const { message: text, fields } = saveProblem(error);
      const { name: nameError, ...rest } = fields;
      setSaveErrors(nameError ? { systemName: nameError } : {});
      setServerErrors((e) => ({ ...e, ...rest }));
      setReplaceOffered(Boolean(nameError) && (error as { code?: string }).code === 'NAME_TAKEN');
      setSaveMessage(nameError ? '' : text);
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
      <FieldError field="name" errors={serverErrors} />
      <Text className="field__label">指标体系</Text>
      <View className="chips" id="round-systems">
        {systems.map((s) => (
          <Chip
            key={s.id}
            id={`round-saved-${s.id}`}
            label={`本区：${s.name}`}
            selected={sourceId === savedKey(s.id)}
            onPick={() => pickSaved(s)}
          />
        ))}
        {EVALUATION_TEMPLATES.map((t) => (
          <Chip
            key={t.id}
            id={`round-template-${t.id}`}
            label={`模板：${t.name}`}
            selected={t.id === sourceId}
            onPick={() => pickTemplate(t.id)}
          />
        ))}
      </View>
      <Text className="field__hint">
        各维度权重合计须为 100，每个维度内指标权重合计也须为 100；人工评分由区管理员录入并注明佐证材料，问卷类指标取所选问卷的结果。
      </Text>
      <SystemEditor draft={draft} errors={errors} onChange={setDraft} />
      {problems.map((p) => (
        <Text key={p} className="new-round__problems">
          {p}
        </Text>
      ))}
      <View className="saved-systems">
        <Text className="field__label">保存为本区指标体系（下一轮可直接选用）</Text>
        <View className="saved-systems__save">
          <Input
            id="system-save-name"
            className="field__input saved-systems__name"
            value={saveName}
            maxlength={40}
            placeholder="如 海淀区 2026 版"
            onInput={(e) => (setSaveName(e.detail.value), setReplaceOffered(false))}
          />
          <Button id="system-save" size="mini" onClick={() => void saveSystem(false)}>
            保存
          </Button>
        </View>
        <FieldError field="systemName" errors={saveErrors} />
        {replaceOffered ? (
          <Button id="system-replace" size="mini" onClick={() => void saveSystem(true)}>
            覆盖同名指标体系
          </Button>
        ) : null}
        {saveMessage ? (
          <Text className="field__hint" id="system-save-message">
            {saveMessage}
          </Text>
        ) : null}
      </View>
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
          <FieldError field="surveyIds" errors={serverErrors} />
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
      <FieldError field="previousRoundId" errors={serverErrors} />
      {message ? (
        <Text className="field__error" id="new-round-message">
          {message}
        </Text>
      ) : null}
      <Button id="new-round-create" className="primary-button" onClick={() => void create()}>
        创建轮次
      </Button>
    </Section>
  );
}
