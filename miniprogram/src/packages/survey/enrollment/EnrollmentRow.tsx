import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { EnrollmentRow as Row } from '../../../../../shared';
import { messageOf } from '../../../api/api-error';
import { fieldErrors } from '../../../api/field-errors';
import { putEnrollment } from '../../../api/surveys';
import { beijingTime } from '../../../utils/time';

/** The server's words for the field when it names one, else its message (never a generic text of ours). */
function fieldMessage(error: unknown): string {
  return fieldErrors(error).families ?? messageOf(error);
}

/** One school: its 在校家庭数 as entered, when it was last saved, and 保存 once the value differs. */
export function EnrollmentRow({ row }: { row: Row }) {
  const [saved, setSaved] = useState({ families: row.families, updatedAt: row.updatedAt });
  const [text, setText] = useState(row.families === null ? '' : String(row.families));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const unchanged = text.trim() === (saved.families === null ? '' : String(saved.families));
  const idle = unchanged || saving;
  const save = async () => {
    setSaving(true);
    try {
      // Whatever was typed goes to the server as a number, so its rule (and words) decide.
      const answer = await putEnrollment(row.schoolId, text.trim() === '' ? Number.NaN : Number(text.trim()));
      setSaved({ families: answer.families, updatedAt: answer.updatedAt });
      setText(String(answer.families));
      setProblem(null);
    } catch (error) {
      setProblem(fieldMessage(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <View className="enrollment-row" id={`enrollment-${row.schoolId}`}>
      <Text className="enrollment-row__name">{row.name}</Text>
      <View className="button-row">
        <Input
          className="field__input enrollment-row__input"
          type="number"
          placeholder="未填写"
          value={text}
          onInput={(e) => (setText(e.detail.value), setProblem(null))}
        />
        <Text className="enrollment-row__unit">户</Text>
        <Button
          className={`primary-button button-row__button enrollment-row__save${idle ? ' primary-button--idle' : ''}`}
          size="mini"
          disabled={idle || undefined}
          onClick={() => void save()}
        >
          {saving ? '保存中…' : '保存'}
        </Button>
      </View>
      {problem ? (
        <Text className="enrollment-row__error field__error" id={`enrollment-error-${row.schoolId}`}>
          {problem}
        </Text>
      ) : null}
      <Text className="field__hint enrollment-row__updated">
        {saved.updatedAt ? `最近保存：${beijingTime(saved.updatedAt)}` : '尚未保存过'}
      </Text>
    </View>
  );
}
