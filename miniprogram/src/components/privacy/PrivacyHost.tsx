import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { PrivacySheet } from './PrivacySheet';
import { onPrivacyChange, privacyWaiting } from './privacy-authorization';

/** The Taro DOM root of the page being shown (its id is the page's $taroPath). */
function shownPageRoot(): { path: string; element: Element } | null {
  const path = Taro.getCurrentInstance().router?.$taroPath;
  const element = path ? document.getElementById(path) : null;
  return path && element ? { path, element } : null;
}

/**
 * Mounted once, in the App component. In WeChat the App's own output is never displayed
 * (only page roots are), so the sheet is portalled into the root of the page that was shown
 * when WeChat asked; it stays on that page (e.g. while the user reads the 隐私政策 page)
 * until answered. Elsewhere (H5, tests) there is no privacy check to answer.
 */
export function PrivacyHost() {
  const [waiting, setWaiting] = useState(privacyWaiting);
  const [target, setTarget] = useState<Element | null>(null);

  useEffect(() => onPrivacyChange(() => setWaiting(privacyWaiting())), []);
  useEffect(() => {
    if (waiting === 0) return setTarget(null);
    // Keep the page it was shown on; a new request after that page was closed moves it.
    if (process.env.TARO_ENV === 'weapp') setTarget((current) => (current?.parentNode ? current : (shownPageRoot()?.element ?? null)));
  }, [waiting]);

  if (waiting === 0) return null;
  if (process.env.TARO_ENV !== 'weapp') return <PrivacySheet />;
  return target ? createPortal(<PrivacySheet />, target) : null;
}
