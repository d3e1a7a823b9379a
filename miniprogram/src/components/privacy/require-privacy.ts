type PrivacyWx = { requirePrivacyAuthorize?: (options: { success: () => void; fail: () => void }) => void };

/**
 * Runs WeChat's 隐私保护指引 flow before a private API (location, map): the app's PrivacyHost
 * shows the sheet when the user has not agreed yet. true once agreed, or where there is no such
 * flow (H5, an old base library); false when the user refused.
 */
export async function requirePrivacy(): Promise<boolean> {
  const wechat = typeof wx === 'undefined' ? undefined : (wx as unknown as PrivacyWx);
  if (typeof wechat?.requirePrivacyAuthorize !== 'function') return true;
  return new Promise<boolean>((resolve) => wechat.requirePrivacyAuthorize!({ success: () => resolve(true), fail: () => resolve(false) }));
}
