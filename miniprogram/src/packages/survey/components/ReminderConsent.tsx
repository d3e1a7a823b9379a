import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { messageOf } from '../../../api/api-error';
import { consentToReminder } from '../../../api/surveys';

const TEMPLATE_ID = process.env.TARO_APP_REMINDER_TEMPLATE_ID || '';
const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/**
 * WeChat asks the user (a tap is required) and each 接受 is one message the server may send.
 * H5 has no subscribe messages: the server alone decides there (it needs a WeChat login's openid).
 */
async function consentedInWeChat(): Promise<boolean> {
  if (!IS_WEAPP) return true;
  const answer = (await Taro.requestSubscribeMessage({ tmplIds: [TEMPLATE_ID], entityIds: [] })) as Record<string, string>;
  return answer[TEMPLATE_ID] === 'accept';
}

/**
 * 截止前提醒我: one reminder of this survey if I have not answered when an admin sends
 * 提醒未答家长. Shown for open, unanswered surveys; hidden in the weapp without a template.
 */
export function ReminderConsent({ surveyId }: { surveyId: string }) {
  const [done, setDone] = useState(false);
  if (IS_WEAPP && !TEMPLATE_ID) return null;

  const consent = async () => {
    try {
      if (!(await consentedInWeChat())) return;
      await consentToReminder(surveyId);
      setDone(true);
      void Taro.showToast({ title: '截止前会提醒你一次', icon: 'success' });
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    }
  };

  return (
    <Button
      id={`reminder-consent-${surveyId}`}
      className="reminder-consent"
      size="mini"
      disabled={done || undefined}
      onClick={(event) => {
        // The button sits on a tappable survey row: the tap is the consent's, not the row's.
        event.stopPropagation();
        void consent();
      }}
    >
      {done ? '已订阅提醒' : '截止前提醒我'}
    </Button>
  );
}
