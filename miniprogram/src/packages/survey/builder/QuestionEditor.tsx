import { Button, Input, Text, View } from '@tarojs/components';
import { FieldError } from '../../../components/field-error/FieldError';
import { Chip } from '../../../components/chip/Chip';
import { nextOptionId, QUESTION_TYPE_NAMES, type DraftQuestion } from '../../../../../shared/surveys/survey-draft';
import { TEXT_ANSWER_MAX } from '../../../../../shared/limits';
import { SCALE_LABELS } from './builder-state';

interface Props {
  index: number;
  count: number;
  question: DraftQuestion;
  /** The server's messages by path (questions.2.title …): this question's are shown at its fields. */
  errors: Record<string, string>;
  onChange: (question: DraftQuestion) => void;
  onMove: (by: -1 | 1) => void;
  onDelete: () => void;
}

const toCount = (value: string) => (value.trim() === '' ? undefined : Math.max(0, Math.floor(Number(value)) || 0));

/** One question being written: its title, whether it must be answered, and its type's own parts. */
export function QuestionEditor({ index, count, question: q, errors, onChange, onMove, onDelete }: Props) {
  const at = `questions.${index}`;
  const set = (patch: Partial<DraftQuestion>) => onChange({ ...q, ...patch });
  const field = (name: string) => <FieldError field={`${at}.${name}`} errors={errors} />;
  const idOf = (part: string) => `q-${q.id}-${part}`;
  const required = q.required ?? q.type !== 'text';

  return (
    <View className="question-editor" id={`question-editor-${q.id}`}>
      <View className="question-editor__head">
        <Text className="question-editor__number">
          第 {index + 1} 题 · {QUESTION_TYPE_NAMES[q.type]}
        </Text>
        <View className="button-row">
          <Button
            id={idOf('up')}
            size="mini"
            className={`button-row__button survey-builder__small${index === 0 ? ' survey-builder__small--off' : ''}`}
            disabled={index === 0 || undefined}
            onClick={() => onMove(-1)}
          >
            上移
          </Button>
          <Button
            id={idOf('down')}
            size="mini"
            className={`button-row__button survey-builder__small${index === count - 1 ? ' survey-builder__small--off' : ''}`}
            disabled={index === count - 1 || undefined}
            onClick={() => onMove(1)}
          >
            下移
          </Button>
          <Button
            id={idOf('delete')}
            size="mini"
            className="button-row__button survey-builder__small question-editor__delete"
            onClick={onDelete}
          >
            删除
          </Button>
        </View>
      </View>
      <Text className="field__label">题目</Text>
      <Input
        id={idOf('title')}
        className="field__input"
        value={q.title}
        maxlength={200}
        placeholder="如：您对学校的课后服务是否满意？"
        onInput={(e) => set({ title: e.detail.value })}
      />
      {field('title')}
      <View className="chips">
        <Chip
          id={idOf('required')}
          label={required ? '必答 ✓（点此改为选答）' : '选答（点此改为必答）'}
          selected={required}
          onPick={() => set({ required: !required })}
        />
      </View>
      {q.type === 'likert' ? <LikertParts q={q} set={set} field={field} idOf={idOf} /> : null}
      {q.type === 'single' || q.type === 'multiple' ? <OptionParts q={q} set={set} field={field} idOf={idOf} /> : null}
      {q.type === 'nps' ? (
        <View>
          <Text className="field__hint">家长从 0–10 分中选择一个分数，按推荐者（9–10）、中立者（7–8）、贬损者（0–6）统计。</Text>
          <Text className="field__label">维度（选填）</Text>
          <Input
            id={idOf('dimension')}
            className="field__input"
            value={q.dimension ?? ''}
            maxlength={20}
            onInput={(e) => set({ dimension: e.detail.value || undefined })}
          />
          {field('dimension')}
        </View>
      ) : null}
      {q.type === 'text' ? (
        <Text className="field__hint">填写文字，最多 {TEXT_ANSWER_MAX} 字；文字经内容安全检查后才展示给管理员。</Text>
      ) : null}
      <FieldError field={at} errors={errors} />
    </View>
  );
}

type PartProps = {
  q: DraftQuestion;
  set: (patch: Partial<DraftQuestion>) => void;
  field: (name: string) => JSX.Element;
  idOf: (part: string) => string;
};

function LikertParts({ q, set, field, idOf }: PartProps) {
  const labels = q.labels ?? [];
  const top = q.satisfiedTopBoxes ?? 1;
  return (
    <View>
      <Text className="field__label">维度（用于社会认可度统计）</Text>
      <Input
        id={idOf('dimension')}
        className="field__input"
        value={q.dimension ?? ''}
        maxlength={20}
        placeholder="如：教育质量、师德师风"
        onInput={(e) => set({ dimension: e.detail.value })}
      />
      {field('dimension')}
      <Text className="field__label">级数</Text>
      <View className="chips">
        {[3, 4, 5, 7].map((n) => (
          <Chip
            key={n}
            id={idOf(`scale-${n}`)}
            label={`${n} 级`}
            selected={labels.length === n}
            onPick={() => set({ labels: [...SCALE_LABELS[n]], satisfiedTopBoxes: Math.min(top, n - 1) })}
          />
        ))}
      </View>
      <Text className="field__label">选项（从最满意到最不满意）</Text>
      {labels.map((label, i) => (
        <Input
          key={i}
          id={idOf(`label-${i}`)}
          className="field__input"
          value={label}
          maxlength={12}
          onInput={(e) => set({ labels: labels.map((l, j) => (j === i ? e.detail.value : l)) })}
        />
      ))}
      {field('labels')}
      <Text className="field__label">计为“满意”的档数</Text>
      <View className="chips">
        {labels.slice(0, -1).map((_, i) => (
          <Chip
            key={i}
            id={idOf(`top-${i + 1}`)}
            label={`前 ${i + 1} 档`}
            selected={top === i + 1}
            onPick={() => set({ satisfiedTopBoxes: i + 1 })}
          />
        ))}
      </View>
      <Text className="field__hint">满意率 = 选择{labels.slice(0, top).join('、') || '前几档'}的人数 ÷ 有效答卷（“不了解”不计）</Text>
      {field('satisfiedTopBoxes')}
      <View className="chips">
        <Chip
          id={idOf('unknown')}
          label={(q.allowUnknown ?? true) ? '提供“不了解” ✓' : '不提供“不了解”'}
          selected={q.allowUnknown ?? true}
          onPick={() => set({ allowUnknown: !(q.allowUnknown ?? true) })}
        />
      </View>
    </View>
  );
}

function OptionParts({ q, set, field, idOf }: PartProps) {
  const options = q.options ?? [];
  return (
    <View>
      <Text className="field__label">选项</Text>
      {options.map((o, i) => (
        <View key={o.id}>
          <View className="option-editor">
            <Input
              id={idOf(`option-${o.id}`)}
              className="field__input option-editor__input"
              value={o.label}
              maxlength={60}
              onInput={(e) => set({ options: options.map((x) => (x.id === o.id ? { ...x, label: e.detail.value } : x)) })}
            />
            <Text
              id={idOf(`option-${o.id}-delete`)}
              className="option-editor__delete"
              onClick={() => set({ options: options.filter((x) => x.id !== o.id) })}
            >
              删除
            </Text>
          </View>
          {field(`options.${i}.label`)}
        </View>
      ))}
      {field('options')}
      <Button
        id={idOf('add-option')}
        size="mini"
        className="survey-builder__small question-editor__add-option"
        disabled={options.length >= 20 || undefined}
        onClick={() => set({ options: [...options, { id: nextOptionId(options), label: '' }] })}
      >
        ＋ 添加选项
      </Button>
      {q.type === 'multiple' ? (
        <View className="question-editor__limits">
          {(['min', 'max'] as const).map((limit) => (
            <View key={limit} className="question-editor__limit">
              <Text className="field__label">{limit === 'min' ? '最少选' : '最多选'}</Text>
              <Input
                id={idOf(limit)}
                className="field__input"
                type="number"
                value={q[limit] === undefined ? '' : String(q[limit])}
                onInput={(e) => set({ [limit]: toCount(e.detail.value) })}
              />
              {field(limit)}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
