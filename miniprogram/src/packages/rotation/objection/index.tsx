import { Button, Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ROTATION_TEXT_MAX } from '../../../../../shared/limits';
import { saveProblem } from '../../../api/field-errors';
import { FieldError } from '../../../components/field-error/FieldError';
import { fileObjection } from '../../../api/rotation';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { MY_OBJECTIONS_PAGE, openPage } from '../../../utils/routes';
import { keepReceipt } from '../objection-receipts';
import '../rotation.scss';

/** 提出异议 on a batch or one assignment, during the 公示期; the server checks the period and the text. */
export default function ObjectionPage() {
  const { params } = useRouter();
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ ok: boolean; message: string; fields?: Record<string, string> } | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async () => {
    if (!text.trim()) return setResult({ ok: false, message: '请填写异议内容', fields: { text: '请填写异议内容' } });
    setSending(true);
    try {
      const answer = await fileObjection(params.batch ?? '', text.trim(), params.assignment ?? null);
      // The receipt is the only link to this objection: kept here, never on the server.
      keepReceipt(answer.receipt);
      setResult({ ok: true, message: answer.message });
    } catch (error) {
      // A reason about the text goes under the text; anything else (the period is over) below it.
      const problem = saveProblem(error);
      setResult({ ok: false, message: problem.message, fields: problem.fields });
    } finally {
      setSending(false);
    }
  };

  if (result?.ok) {
    return (
      <View className="page">
        <StatusView kind="hint" message={result.message} />
        <Button id="objection-open-mine" className="primary-button" onClick={() => openPage(MY_OBJECTIONS_PAGE)}>
          查看我的异议
        </Button>
      </View>
    );
  }
  return (
    <View className="page">
      <Section title={params.assignment ? '对该交流人员提出异议' : '对本批次提出异议'}>
        <Textarea
          id="objection-text"
          className="field__textarea"
          maxlength={ROTATION_TEXT_MAX}
          placeholder="请写明异议的事实与理由（不要填写身份证号、手机号等个人信息）"
          value={text}
          onInput={(e) => setText(e.detail.value)}
        />
        <FieldError field="text" errors={result?.fields ?? {}} />
        <Text className="field__hint">
          {text.length}/{ROTATION_TEXT_MAX} · 异议仅区教育局管理员可见
        </Text>
        {result && !result.fields?.text ? (
          <Text className="rotation-issue" id="objection-error">
            {result.message}
          </Text>
        ) : null}
        <Button id="objection-submit" className="primary-button" disabled={sending || undefined} onClick={() => void submit()}>
          提交异议
        </Button>
      </Section>
    </View>
  );
}
