import { Button, Input, Text, Textarea } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { RotationSettings } from '../../../../../shared';
import { saveProblem, withinField } from '../../../api/field-errors';
import { putRotationSettings } from '../../../api/rotation';
import { FieldError } from '../../../components/field-error/FieldError';
import { Section } from '../../../components/section/Section';

/** Dates typed one per line (or separated by spaces, commas or 、). */
const dates = (text: string) => text.split(/[\s,，、]+/).filter(Boolean);

/**
 * 达标标准与公示日历: the district's thresholds (national floor 10 % / 20 %; some provinces
 * 15 % / 30 %), its public holidays and its 调休 weekend working days, which set the default
 * 公示期 end of new batches. Saved as a whole, so nothing unseen is reset.
 */
export function SettingsForm({ districtId, settings, onSaved }: { districtId: string; settings: RotationSettings; onSaved: () => void }) {
  const [rotatingPct, setRotating] = useState(String(settings.rotatingPct));
  const [backbonePct, setBackbone] = useState(String(settings.backbonePct));
  const [holidays, setHolidays] = useState(settings.holidays.join('\n'));
  const [makeup, setMakeup] = useState(settings.makeupWorkdays.join('\n'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = () =>
    putRotationSettings(districtId, {
      rotatingPct: Number(rotatingPct),
      backbonePct: Number(backbonePct),
      holidays: dates(holidays),
      makeupWorkdays: dates(makeup),
    }).then(
      () => (setErrors({}), void Taro.showToast({ title: '已保存', icon: 'success' }), onSaved()),
      (e: unknown) => {
        // The server's words beside the box they are about (a bad date: its line's message).
        const problem = saveProblem(e);
        setErrors(withinField(withinField(problem.fields, 'holidays'), 'makeupWorkdays'));
        void Taro.showToast({ title: problem.message, icon: 'none' });
      },
    );
  return (
    <Section title="达标标准与公示日历" className="rotation-settings">
      <Text className="field__label">交流人数占应交流教师比例不低于（%）</Text>
      <Input
        id="settings-rotating"
        className="field__input"
        type="number"
        value={rotatingPct}
        onInput={(e) => setRotating(e.detail.value)}
      />
      <FieldError field="rotatingPct" errors={errors} />
      <Text className="field__label">骨干教师占交流人数比例不低于（%）</Text>
      <Input
        id="settings-backbone"
        className="field__input"
        type="number"
        value={backbonePct}
        onInput={(e) => setBackbone(e.detail.value)}
      />
      <FieldError field="backbonePct" errors={errors} />
      <Text className="field__label">法定节假日（每行一个日期，如 2026-10-01）</Text>
      <Textarea
        id="settings-holidays"
        className="field__textarea"
        value={holidays}
        maxlength={2000}
        onInput={(e) => setHolidays(e.detail.value)}
      />
      <FieldError field="holidays" errors={errors} />
      <Text className="field__label">调休上班日（周末上班的日期）</Text>
      <Textarea
        id="settings-makeup"
        className="field__textarea"
        value={makeup}
        maxlength={1000}
        onInput={(e) => setMakeup(e.detail.value)}
      />
      <FieldError field="makeupWorkdays" errors={errors} />
      <Text className="field__hint">公示期默认为开始日之后的 5 个工作日：跳过周末和节假日，调休上班日计入。</Text>
      <Button id="settings-save" className="primary-button" onClick={() => void save()}>
        保存设置
      </Button>
    </Section>
  );
}
