import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { PRIVACY_PAGE, openPage } from '../../utils/routes';
import './privacy-sheet.scss';

type Resolve = (result: { buttonId?: string; event: 'agree' | 'disagree' }) => void;
type PrivacyHost = { onNeedPrivacyAuthorization?: (handler: (resolve: Resolve) => void) => void };

/**
 * WeChat's 隐私保护指引 flow: when a page calls a private API (location, photos, …) before the
 * user agreed, WeChat asks us; this sheet explains, links the policy, and answers with the
 * user's choice. Mounted on every page that may call a private API.
 */
export function PrivacySheet() {
  const [pending, setPending] = useState<Resolve | null>(null);

  useEffect(() => {
    const host = (globalThis as { wx?: PrivacyHost }).wx;
    host?.onNeedPrivacyAuthorization?.((resolve) => setPending(() => resolve));
  }, []);

  if (!pending) return null;
  const answer = (event: 'agree' | 'disagree') => {
    pending(event === 'agree' ? { buttonId: 'agree-privacy', event } : { event });
    setPending(null);
  };
  return (
    <View className="privacy-sheet" id="privacy-sheet">
      <View className="privacy-sheet__panel">
        <Text className="privacy-sheet__title">隐私保护指引</Text>
        <Text className="privacy-sheet__text">
          使用该功能前，请阅读并同意《隐私政策》。我们只收集提供服务所必需的信息，不收集手机号，不收集孩子的姓名等信息，你可随时在“我的”中删除全部数据。
        </Text>
        <Text className="privacy-sheet__link" id="privacy-link" onClick={() => openPage(PRIVACY_PAGE)}>
          查看《隐私政策》
        </Text>
        <View className="privacy-sheet__actions">
          <Button id="disagree-privacy" className="privacy-sheet__no" onClick={() => answer('disagree')}>
            拒绝
          </Button>
          <Button
            id="agree-privacy"
            className="privacy-sheet__yes"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => answer('agree')}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  );
}
