import { Button, Input, Text, View } from '@tarojs/components';
import { Chip } from '../../../components/chip/Chip';
import { addIndicator, removeIndicator, updateIndicator, weightSum, type SourceChoice, type SystemDraft } from './system-draft';

const SOURCES: Array<{ value: SourceChoice; label: string }> = [
  { value: 'manual', label: '人工评分' },
  { value: 'satisfaction', label: '问卷满意率' },
  { value: 'index', label: '问卷指数' },
];

/** 指标体系: each dimension's indicators, their weights (summing to 100) and where scores come from. */
export function SystemEditor({ draft, onChange }: { draft: SystemDraft; onChange: (draft: SystemDraft) => void }) {
  return (
    <View className="system-editor" id="system-editor">
      {draft.dimensions.map((d) => {
        const sum = weightSum(d);
        return (
          <View key={d.id} className="system-editor__dimension" id={`dimension-${d.id}`}>
            <Text className="system-editor__title">
              {d.name}（权重 {d.weight}）
              <Text className={Math.abs(sum - 100) > 0.011 ? 'system-editor__sum--off' : 'system-editor__sum'}>
                {' '}
                指标合计 {Math.round(sum * 100) / 100}
              </Text>
            </Text>
            {d.indicators.map((i) => (
              <View key={i.id} className="system-editor__indicator" id={`indicator-${d.id}-${i.id}`}>
                <View className="system-editor__row">
                  <Input
                    className="field__input system-editor__name"
                    value={i.name}
                    maxlength={40}
                    placeholder="指标名称"
                    onInput={(e) => onChange(updateIndicator(draft, d.id, i.id, { name: e.detail.value }))}
                  />
                  <Input
                    className="field__input system-editor__weight"
                    type="digit"
                    value={i.weight}
                    placeholder="权重"
                    onInput={(e) => onChange(updateIndicator(draft, d.id, i.id, { weight: e.detail.value }))}
                  />
                </View>
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
