import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { SurveySettingsView } from '../../../../../shared';
import {
  RECOGNITION_DEFINITIONS,
  RECOGNITION_LABELS,
  RECOGNITION_NAMES,
  RECOGNITION_SOURCE,
} from '../../../../../shared/surveys/recognition';
import { messageOf } from '../../../api/api-error';
import { fieldErrors } from '../../../api/field-errors';
import { FieldError } from '../../../components/field-error/FieldError';
import { putSurveySettings } from '../../../api/surveys';
import { Chip } from '../../../components/chip/Chip';
import { Section } from '../../../components/section/Section';
import { beijingTime } from '../../../utils/time';

/**
 * 认可口径: the district's choice of which options count as 认可 in the 社会认可度 rate. New
 * surveys take it; a survey already made keeps the one it was made with, so nothing published
 * changes meaning (docs/scoring.md).
 */
export function RecognitionSetting({ districtId, settings }: { districtId: string; settings: SurveySettingsView }) {
  const [chosen, setChosen] = useState(settings.recognition);
  const [saved, setSaved] = useState(settings);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const unchanged = chosen === saved.recognition;
  const save = () =>
    putSurveySettings(districtId, { recognition: chosen }).then(
      (answer) => (setSaved(answer), setErrors({}), void Taro.showToast({ title: '已保存', icon: 'success' })),
      (e) => (setErrors(fieldErrors(e)), void Taro.showToast({ title: messageOf(e), icon: 'none' })),
    );
  return (
    <Section title="认可口径" className="recognition-setting">
      <View className="chips">
        {RECOGNITION_DEFINITIONS.map((d) => (
          <Chip key={d} id={`recognition-${d}`} label={RECOGNITION_NAMES[d]} selected={d === chosen} onPick={() => setChosen(d)} />
        ))}
      </View>
      <FieldError field="recognition" errors={errors} />
      <Text className="field__hint" id="recognition-label">
        {RECOGNITION_LABELS[chosen]}
      </Text>
      <Text className="field__hint">{RECOGNITION_SOURCE[chosen]}</Text>
      <Text className="field__hint">新建的问卷按此口径计算社会认可度；已创建的问卷保持创建时的口径。</Text>
      <Text className="field__hint" id="recognition-updated">
        {saved.updatedAt ? `最近修改：${beijingTime(saved.updatedAt)}` : '尚未修改，使用默认口径'}
      </Text>
      <Button
        id="recognition-save"
        className={`primary-button${unchanged ? ' primary-button--idle' : ''}`}
        disabled={unchanged || undefined}
        onClick={() => void save()}
      >
        保存口径
      </Button>
    </Section>
  );
}
