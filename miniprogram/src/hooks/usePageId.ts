import { useRouter } from '@tarojs/taro';
import { ApiError } from '../api/api-error';

/** The `id` query parameter of the current page ('' when the link lacked one). */
export function usePageId(): string {
  const { params } = useRouter();
  return params.id ? decodeURIComponent(params.id) : '';
}

/** Loader guard: a page opened without an id fails like a request would, with a message to show. */
export function requireId(id: string, what: string): void {
  if (!id) throw new ApiError('MISSING_ID', `链接缺少${what}编号`, 0);
}
