import { ApiError } from '../errors';
import type { Infrastructure } from '../infrastructure';
import type { RequestUser } from '../features/identity/request-user';

export type TextVerdict = 'visible' | 'held' | 'refused';

/**
 * WeChat content security (msgSecCheck v2, scene 2 = comment) for user text before anyone
 * sees it: pass → visible, review → held until an admin approves, risky → refused. When it
 * cannot be asked (no WeChat config, a demo login without an openid, WeChat unavailable) the
 * text is held: never shown unchecked, and never a reason to lose the numeric answers.
 */
export async function screenText(
  services: Pick<Infrastructure, 'config' | 'wechat' | 'logger'>,
  user: RequestUser,
  content: string,
): Promise<TextVerdict> {
  if (!user.openid || !services.config.wechat.appId) return 'held';
  try {
    const { suggest } = await services.wechat.msgSecCheck({ openid: user.openid, content, scene: 2 });
    return suggest === 'pass' ? 'visible' : suggest === 'review' ? 'held' : 'refused';
  } catch (error) {
    if (error instanceof ApiError) {
      services.logger.warn({ code: error.code }, 'content security unavailable: text held');
      return 'held';
    }
    throw error;
  }
}
