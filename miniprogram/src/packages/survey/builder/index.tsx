import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { SURVEY_TEMPLATES } from '../../../../../shared/surveys/survey-templates';
import {
  blankQuestion,
  counterProblem,
  countersPerResponse,
  MAX_COUNTERS_PER_RESPONSE,
  moveQuestion,
  nextQuestionId,
  QUESTION_TYPE_NAMES,
  type QuestionType,
  type SurveyDraftContent,
} from '../../../../../shared/surveys/survey-draft';
import { saveProblem } from '../../../api/field-errors';
import { listDistrictGroups } from '../../../api/catalog';
import { createSurveyDraft, getSurveyDraft, publishSurveyDraft, saveSurveyDraft, type DraftPlace } from '../../../api/surveys';
import { useMe } from '../../../auth/useMe';
import { Chip } from '../../../components/chip/Chip';
import { FieldError } from '../../../components/field-error/FieldError';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { ADMIN_SURVEYS_PAGE, openPage, resultsPageUrl } from '../../../utils/routes';
import { AudienceFields } from './AudienceFields';
import { chinaDay, closesAtOf, newContent, opensAtOf, withoutQuestionErrors } from './builder-state';
import { Preview } from './Preview';
import { QuestionEditor } from './QuestionEditor';
import './builder.scss';

const ADDABLE: QuestionType[] = ['likert', 'single', 'multiple', 'nps', 'text'];
const AUTOSAVE_MS = 3000;

/** A reference's path names one id of a list (audience.groupIds.0): shown at the list's field. */
function normalised(fields: Record<string, string>): Record<string, string> {
  const out = { ...fields };
  for (const [path, message] of Object.entries(fields)) {
    const list = /^(audience\.(?:groupIds|schoolIds))\.\d+$/.exec(path)?.[1];
    if (list && !out[list]) out[list] = message;
  }
  return out;
}

/**
 * 问卷编辑 (survey builder): a survey's details, audience and questions of every type, saved as a
 * draft on the server (草稿箱) until published. ?draft=<id> opens a saved draft, ?template=<id>
 * starts from a template.
 */
export default function SurveyBuilderPage() {
  const { me, loading } = useMe();
  if (loading) return <StatusView kind="loading" message="正在加载…" />;
  const scopes = (role: string) => (me?.roles ?? []).filter((r) => r.role === role && r.scope).map((r) => r.scope!);
  const districtId = scopes('district_admin')[0]?.id ?? null;
  const ownGroups = scopes('group_admin').map((s) => ({ id: s.id, name: s.name }));
  if (!districtId && ownGroups.length === 0) return <StatusView kind="hint" message="仅集团管理员和区管理员可用" />;
  return <BuilderLoader districtId={districtId} ownGroups={ownGroups} />;
}

/** Loads what the builder offers (the caller's groups) and the draft it opens, once the caller is known. */
function BuilderLoader({ districtId, ownGroups }: { districtId: string | null; ownGroups: Array<{ id: string; name: string }> }) {
  const { params } = useRouter();
  const groups = useAsync(
    async () => (districtId ? (await listDistrictGroups(districtId)).items.map((g) => ({ id: g.id, name: g.name })) : ownGroups),
    [districtId, ownGroups.map((g) => g.id).join()],
  );
  const draft = useAsync(async () => (params.draft ? getSurveyDraft(params.draft) : null), [params.draft]);

  if (groups.status === 'loading' || draft.status === 'loading') return <StatusView kind="loading" message="正在加载…" />;
  if (draft.status === 'error') return <StatusView kind="error" message={draft.message} onRetry={draft.reload} />;
  if (groups.status === 'error') return <StatusView kind="error" message={groups.message} onRetry={groups.reload} />;
  const template = SURVEY_TEMPLATES.find((t) => t.id === params.template);
  const initial = draft.data ?? null;
  const content: SurveyDraftContent = initial ?? newContent(new Date(), template);
  return (
    <Builder
      key={initial?.id ?? 'new'}
      initial={content}
      saved={initial ? { id: initial.id, version: initial.version } : null}
      districtId={districtId}
      groups={groups.data}
      groupOnly={!districtId}
    />
  );
}

function Builder({
  initial,
  saved: savedAt,
  districtId,
  groups,
  groupOnly,
}: {
  initial: SurveyDraftContent;
  saved: { id: string; version: number } | null;
  districtId: string | null;
  groups: Array<{ id: string; name: string }>;
  groupOnly: boolean;
}) {
  const [content, setContent] = useState<SurveyDraftContent>(() =>
    // A group admin's survey is for one of their groups: the first, until they choose.
    groupOnly && initial.audience.groupIds.length === 0 && groups[0]
      ? { ...initial, audience: { ...initial.audience, groupIds: [groups[0].id] } }
      : initial,
  );
  const [saved, setSaved] = useState(savedAt);
  const [dirty, setDirty] = useState(savedAt === null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  const [published, setPublished] = useState<string | null>(null);

  const change = (patch: Partial<SurveyDraftContent>) => {
    setContent((c) => ({ ...c, ...patch }));
    setDirty(true);
  };
  const setQuestions = (questions: SurveyDraftContent['questions'], keepErrors = true) => {
    change({ questions });
    if (!keepErrors) setErrors((e) => withoutQuestionErrors(e));
  };
  const counters = countersPerResponse(content.questions);
  const tooMany = counterProblem(content.questions);

  const addQuestion = (type: QuestionType) => {
    const { id, issued } = nextQuestionId(content.questions, content.questionsIssued);
    change({ questions: [...content.questions, blankQuestion(type, id)], questionsIssued: issued });
  };
  const applyTemplate = async (templateId: string) => {
    const template = SURVEY_TEMPLATES.find((t) => t.id === templateId)!;
    if (content.questions.length > 0) {
      const { confirm } = await Taro.showModal({
        title: '使用模板',
        content: `用“${template.title}”的题目替换当前的 ${content.questions.length} 道题？`,
      });
      if (!confirm) return;
    }
    // Ids continue past any issued before, so none is reused.
    let issued = content.questionsIssued;
    const questions = template.questions.map((q) => {
      issued += 1;
      return { ...q, id: `q${issued}` };
    });
    change({
      title: content.title || template.title,
      description: content.description || template.description,
      audience: { ...content.audience, respondents: [template.respondent] },
      questions,
      questionsIssued: issued,
    });
    setErrors((e) => withoutQuestionErrors(e));
  };

  const placeOf = (): DraftPlace =>
    districtId ? { type: 'district', id: districtId } : { type: 'group', id: content.audience.groupIds[0] ?? groups[0].id };

  const failed = (error: unknown) => {
    const found = saveProblem(error);
    setErrors(normalised(found.fields));
    setProblem(found.conflict ? '草稿已在别处修改过。请返回草稿箱重新打开后再编辑。' : found.message);
  };

  const save = async (quiet = false): Promise<{ id: string; version: number } | null> => {
    setBusy(true);
    try {
      const view = saved ? await saveSurveyDraft(saved.id, content, saved.version) : await createSurveyDraft(placeOf(), content);
      setSaved({ id: view.id, version: view.version });
      setDirty(false);
      setErrors({});
      setProblem('');
      if (!quiet) void Taro.showToast({ title: '草稿已保存', icon: 'success' });
      return view;
    } catch (error) {
      failed(error);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    if (tooMany) {
      setProblem(tooMany);
      return;
    }
    const { confirm } = await Taro.showModal({
      title: '发布问卷',
      content: `发布后${content.audience.respondents[0] === 'teacher' ? '教师' : '家长'}即可作答，题目不能再修改。确定发布“${content.title || '未命名问卷'}”？`,
    });
    if (!confirm) return;
    const draft = dirty || !saved ? await save(true) : saved;
    if (!draft) return;
    setBusy(true);
    try {
      setPublished((await publishSurveyDraft(draft.id)).surveyId);
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  // A saved draft keeps itself saved: a few seconds after the last edit it is saved again, so
  // an admin who leaves without pressing 保存草稿 loses nothing. A new survey is saved by hand
  // first (so no stray drafts), and a save that failed waits for the admin.
  const autosave = useRef(save);
  autosave.current = save;
  useEffect(() => {
    if (!saved || !dirty || busy || problem || published) return undefined;
    const timer = setTimeout(() => void autosave.current(true), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [content, saved, dirty, busy, problem, published]);

  if (published) {
    return (
      <View className="page survey-builder">
        <Section title="问卷已发布">
          <Text className="survey-builder__done" id="builder-published">
            “{content.title}”已发布，
            {content.audience.respondents[0] === 'teacher' ? '教师可在“我的问卷”中作答。' : '家长可通过问卷链接或“我的问卷”作答。'}
            {content.audience.respondents[0] === 'teacher' ? '' : '在“回收进度”中可生成各校的问卷二维码和海报。'}
          </Text>
          <Button
            id="builder-open-progress"
            className="primary-button"
            onClick={() => openPage(`/packages/survey/progress/index?id=${encodeURIComponent(published)}`)}
          >
            回收进度与邀请二维码
          </Button>
          <View className="button-row survey-builder__actions survey-builder__done-actions">
            <Button
              id="builder-open-results"
              className="button-row__button survey-builder__action"
              onClick={() => openPage(resultsPageUrl(published))}
            >
              查看结果
            </Button>
            <Button
              id="builder-back"
              className="button-row__button survey-builder__action"
              // Back to the admin page it came from (which reloads its lists); opened directly, to a fresh one.
              onClick={() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: ADMIN_SURVEYS_PAGE }))}
            >
              返回问卷管理
            </Button>
          </View>
        </Section>
      </View>
    );
  }

  const field = (name: string) => <FieldError field={name} errors={errors} />;
  const problemCount = Object.keys(errors).length;

  return (
    <View className="page survey-builder">
      <View className="survey-builder__tabs">
        <Text
          id="builder-tab-edit"
          className={`survey-builder__tab${mode === 'edit' ? ' survey-builder__tab--active' : ''}`}
          onClick={() => setMode('edit')}
        >
          编辑
        </Text>
        <Text
          id="builder-tab-preview"
          className={`survey-builder__tab${mode === 'preview' ? ' survey-builder__tab--active' : ''}`}
          onClick={() => setMode('preview')}
        >
          预览
        </Text>
        <Text className="survey-builder__status" id="builder-status">
          {saved ? (dirty ? (problem ? '有未保存的修改' : '有未保存的修改（将自动保存）') : '已保存到草稿箱') : '尚未保存'}
        </Text>
      </View>

      {mode === 'preview' ? (
        <Preview content={content} />
      ) : (
        <View>
          <Section title="问卷信息">
            <Text className="field__label">标题</Text>
            <Input
              id="builder-title"
              className="field__input"
              value={content.title}
              maxlength={60}
              placeholder="如：课后服务家长满意度调查"
              onInput={(e) => change({ title: e.detail.value })}
            />
            {field('title')}
            <Text className="field__label">说明（选填，显示在问卷开头）</Text>
            <Textarea
              id="builder-description"
              className="field__textarea"
              value={content.description}
              maxlength={1000}
              placeholder="如：本问卷匿名填写，约需 2 分钟。"
              onInput={(e) => change({ description: e.detail.value })}
            />
            {field('description')}
            <View className="survey-builder__dates">
              <DateField id="builder-opens" label="开始日期" at={content.opensAt} onPick={(day) => change({ opensAt: opensAtOf(day) })}>
                {field('opensAt')}
              </DateField>
              <DateField
                id="builder-closes"
                label="截止日期（当天 24 点截止）"
                at={content.closesAt}
                onPick={(day) => change({ closesAt: closesAtOf(day) })}
              >
                {field('closesAt')}
                {!errors.closesAt && content.opensAt && content.closesAt && content.closesAt <= content.opensAt ? (
                  <Text className="field__error" id="builder-dates-problem">
                    截止日期须晚于开始日期
                  </Text>
                ) : null}
              </DateField>
            </View>
            <AudienceFields
              audience={content.audience}
              groups={groups}
              groupOnly={groupOnly}
              errors={errors}
              onChange={(audience) => change({ audience })}
            />
          </Section>

          <Section title={`题目（${content.questions.length}）`}>
            <Text className="field__label">从模板开始</Text>
            <View className="chips">
              {SURVEY_TEMPLATES.map((t) => (
                <Chip
                  key={t.id}
                  id={`builder-template-${t.id}`}
                  label={`${t.title}（${t.questions.length} 题）`}
                  selected={false}
                  onPick={() => void applyTemplate(t.id)}
                />
              ))}
            </View>
            {content.questions.length === 0 ? <Text className="field__hint">还没有题目：选一个模板，或在下方添加题目。</Text> : null}
            {field('questions')}
            {content.questions.map((q, i) => (
              <QuestionEditor
                key={q.id}
                index={i}
                count={content.questions.length}
                question={q}
                errors={errors}
                onChange={(next) => setQuestions(content.questions.map((x) => (x.id === q.id ? next : x)))}
                onMove={(by) => setQuestions(moveQuestion(content.questions, i, by), false)}
                onDelete={() =>
                  setQuestions(
                    content.questions.filter((x) => x.id !== q.id),
                    false,
                  )
                }
              />
            ))}
            <Text className="field__label">添加题目</Text>
            <View className="button-row survey-builder__add">
              {ADDABLE.map((type) => (
                <Button
                  key={type}
                  id={`builder-add-${type}`}
                  size="mini"
                  className="button-row__button survey-builder__small"
                  onClick={() => addQuestion(type)}
                >
                  ＋ {QUESTION_TYPE_NAMES[type]}
                </Button>
              ))}
            </View>
          </Section>
        </View>
      )}

      <View className="survey-builder__footer">
        <View className="survey-builder__counter-row">
          <Text id="builder-counter" className={`survey-builder__counter${tooMany ? ' survey-builder__counter--over' : ''}`}>
            统计项 {counters} / {MAX_COUNTERS_PER_RESPONSE}
          </Text>
          <Text className="survey-builder__counter-hint">每题计 1 项，多选题按最多可选数计，文字题不计</Text>
        </View>
        {tooMany ? (
          <Text id="builder-counter-reason" className="field__error">
            {tooMany}
          </Text>
        ) : null}
        {problem ? (
          <Text id="builder-problem" className="field__error">
            {problem}
            {problemCount > 1 ? `（共 ${problemCount} 处，已在各项下方标出）` : ''}
          </Text>
        ) : null}
        <View className="button-row survey-builder__actions">
          <Button
            id="builder-save"
            className="button-row__button survey-builder__action"
            disabled={busy || undefined}
            onClick={() => void save()}
          >
            保存草稿
          </Button>
          <Button
            id="builder-preview"
            className="button-row__button survey-builder__action"
            onClick={() => setMode(mode === 'edit' ? 'preview' : 'edit')}
          >
            {mode === 'edit' ? '预览' : '返回编辑'}
          </Button>
          <Button
            id="builder-publish"
            className="button-row__button survey-builder__action primary-button"
            disabled={busy || undefined}
            onClick={() => void publish()}
          >
            发布
          </Button>
        </View>
      </View>
    </View>
  );
}

/** A day picked for the survey's opening or closing, with what is said about it under it. */
function DateField({
  id,
  label,
  at,
  onPick,
  children,
}: {
  id: string;
  label: string;
  at: string | null;
  onPick: (day: string) => void;
  children: ReactNode;
}) {
  return (
    <View className="survey-builder__date">
      <Text className="field__label">{label}</Text>
      <Picker mode="date" value={at ? chinaDay(at) : ''} onChange={(e) => onPick(e.detail.value)}>
        <Text id={id} className="field__input survey-builder__picker">
          {at ? chinaDay(at) : '请选择'}
        </Text>
      </Picker>
      {children}
    </View>
  );
}
