import { Button, Input, Text, View } from '@tarojs/components';
import { Chip } from '../../../components/chip/Chip';
import { FieldError } from '../../../components/field-error/FieldError';
import {
  addIndicator,
  dimensionWeightSum,
  removeIndicator,
  updateDimension,
  updateIndicator,
  weightSum,
  type SourceChoice,
  type SystemDraft,
} from './system-draft';

const SOURCES: Array<{ value: SourceChoice; label: string }> = [
  { value: 'manual', label: '人工评分' },
  { value: 'satisfaction', label: '问卷满意率' },
  { value: 'index', label: '问卷指数' },
];

const sumClass = (sum: number) => (Math.abs(sum - 100) > 0.011 ? 'system-editor__sum system-editor__sum--off' : 'system-editor__sum');

/**
 * 指标体系: each dimension's weight, its indicators, their weights (each set summing to 100) and
 * where scores come from. `errors` holds the messages per field, keyed as the server names them
 * (system.dimensions.0.weight …): those of the draft as typed, and the server's after a save.
 */
export function SystemEditor({
  draft,
  errors,
  onChange,
}: {
  draft: SystemDraft;
  errors: Record<string, string>;
  onChange: (draft: SystemDraft) => void;
}) {
  const total = dimensionWeightSum(draft);
  return (
    <View className="system-editor" id="system-editor">
      {/* The sum, or the problem with it (which names the sum): never both. */}
      {errors['system.dimensions'] ? (
        <FieldError field="system.dimensions" errors={errors} />
      ) : (
        <Text className={sumClass(total)} id="system-weight-sum">
          各维度权重合计 {total}
        </Text>
      )}
      {draft.dimensions.map((d, di) => {
        const sum = weightSum(d);
        const base = `system.dimensions.${di}`;
        return (
          <View key={d.id} className="system-editor__dimension" id={`dimension-${d.id}`}>
            <View className="system-editor__row">
              <Text className="system-editor__title">{d.name}</Text>
              <Text className="system-editor__weight-label">维度权重</Text>
              <Input
                id={`dimension-weight-${d.id}`}
                className="field__input system-editor__weight"
                type="digit"
                value={d.weight}
                placeholder="权重"
                onInput={(e) => onChange(updateDimension(draft, d.id, { weight: e.detail.value }))}
              />
            </View>
            <FieldError field={`${base}.weight`} errors={errors} />
            {errors[`${base}.indicators`] ? (
              <FieldError field={`${base}.indicators`} errors={errors} />
            ) : (
              <Text className={sumClass(sum)} id={`indicator-sum-${d.id}`}>
                本维度指标权重合计 {sum}
              </Text>
            )}
            {d.indicators.map((i, ii) => (
              <View key={i.id} className="system-editor__indicator" id={`indicator-${d.id}-${i.id}`}>
                <View className="system-editor__row">
                  <Input
                    id={`indicator-name-${d.id}-${i.id}`}
                    className="field__input system-editor__name"
                    value={i.name}
                    maxlength={40}
                    placeholder="指标名称"
                    onInput={(e) => onChange(updateIndicator(draft, d.id, i.id, { name: e.detail.value }))}
                  />
                  <Input
                    id={`indicator-weight-${d.id}-${i.id}`}
                    className="field__input system-editor__weight"
                    type="digit"
                    value={i.weight}
                    placeholder="权重"
                    onInput={(e) => onChange(updateIndicator(draft, d.id, i.id, { weight: e.detail.value }))}
                  />
                </View>
                <FieldError field={`${base}.indicators.${ii}.name`} errors={errors} />
                <FieldError field={`${base}.indicators.${ii}.weight`} errors={errors} />
                <View className="chips">
                  {SOURCES.map((s) => (
                    <Chip
                      key={s.value}
                      id={`source-${d.id}-${i.id}-${s.value}`}
                      label={s.label}
                      selected={i.source === s.value}
                      onPick={() => onChange(updateIndicator(draft, d.id, i.id, { source: s.value }))}
                    />
                  ))}
                  <Text className="system-editor__remove" onClick={() => onChange(removeIndicator(draft, d.id, i.id))}>
                    删除
                  </Text>
                </View>
                <FieldError field={`${base}.indicators.${ii}.source`} errors={errors} />
              </View>
            ))}
            <Button
              size="mini"
              className="system-editor__add"
              id={`add-indicator-${d.id}`}
              onClick={() => onChange(addIndicator(draft, d.id))}
            >
              添加指标
            </Button>
          </View>
        );
      })}
    </View>
  );
}
