import { ApiError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import type { RequestUser } from '../identity/request-user';

/** msgSecCheck takes at most 2,500 characters per call. */
const CHUNK = 2500;

export class NewsContentRefusedError extends ApiError {
  constructor(review: boolean) {
    super(
      400,
      review ? 'NEWS_CONTENT_REVIEW' : 'NEWS_CONTENT_REFUSED',
      review ? '内容需人工复核，请修改后再发布' : '内容未通过安全检查，请修改后再发布',
    );
  }
}

/**
 * Content security before readers see a publication. Unlike parents' comments (held when they
 * cannot be checked), news comes from named, accountable staff: without an openid to check
 * with (demo logins) it goes out; when WeChat is down, publishing fails with its 503 and can
 * be retried.
 */
export async function screenNews(services: Pick<Infrastructure, 'config' | 'wechat'>, user: RequestUser, texts: string[]): Promise<void> {
  if (!user.openid || !services.config.wechat.appId) return;
  const all = texts.filter(Boolean).join('\n');
  for (let start = 0; start < all.length; start += CHUNK) {
    const { suggest } = await services.wechat.msgSecCheck({ openid: user.openid, content: all.slice(start, start + CHUNK), scene: 1 });
    if (suggest !== 'pass') throw new NewsContentRefusedError(suggest === 'review');
  }
}
