import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ApiResponse } from '../../../../../shared';
import { messageOf } from '../../../api/api-error';
import { sendReminders } from '../../../api/surveys';
import './send-reminders.scss';

type Report = ApiResponse<'POST /api/admin/surveys/:id/reminders'>;

/** What one sending did, in the words an admin reads. */
export const reminderReportText = ({ sent, skipped, refused, failed }: Report) =>
  `已提醒 ${sent} 人${skipped ? `，${skipped} 人已作答未提醒` : ''}${refused ? `，${refused} 人已拒收` : ''}${failed ? `，${failed} 人发送失败` : ''}`;

/** 提醒未答家长 on an open survey: each consenting parent who has not answered gets one message. */
export function SendReminders({ surveyId }: { surveyId: string }) {
  const [sending, setSending] = useState(false);
  const [report, setReport] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const send = async () => {
    const { confirm } = await Taro.showModal({ title: '提醒未答家长', content: '向已订阅提醒、尚未作答的家长各发送一次提醒？' });
    if (!confirm) return;
    setSending(true);
    try {
      setReport(reminderReportText(await sendReminders(surveyId)));
      setProblem(null);
    } catch (error) {
      // Said beside the button it is about, and kept (a toast is gone before it is read).
      setProblem(messageOf(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="send-reminders">
      <Button
        id={`send-reminders-${surveyId}`}
        size="mini"
        disabled={sending || undefined}
        onClick={(event) => {
          // The button sits on the row that opens the results.
          event.stopPropagation();
          void send();
        }}
      >
        提醒未答家长
      </Button>
      {report ? (
        <Text id={`reminder-report-${surveyId}`} className="field__hint">
          {report}
        </Text>
      ) : null}
      {problem ? (
        <Text id={`reminder-problem-${surveyId}`} className="field__error">
          {problem}
        </Text>
      ) : null}
    </View>
  );
}
