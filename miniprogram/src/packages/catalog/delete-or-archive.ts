import Taro from '@tarojs/taro';
import { ApiError, messageOf } from '../../api/api-error';

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

/**
 * 删除 after a confirm. What has history (answers, batches, scores) is refused 409 IN_USE with
 * the server's reason; that reason is shown and 归档 offered instead, which keeps the history.
 * Answers whether the item is gone.
 */
export async function deleteOrArchive({
  what,
  name,
  remove,
  archive,
}: {
  what: '学校' | '集团';
  name: string;
  remove: () => Promise<unknown>;
  archive: () => Promise<void>;
}): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: `删除${what}`,
    content: `将删除“${name}”及其成员记录，且无法恢复。确定删除？`,
    confirmText: '删除',
    confirmColor: '#fa5151',
  });
  if (!confirm) return false;
  try {
    await remove();
    toast('已删除');
    return true;
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'IN_USE')) return (toast(messageOf(error)), false);
    const offer = await Taro.showModal({ title: '不能删除', content: error.message, confirmText: '改为归档' });
    if (offer.confirm) await archive();
    return false;
  }
}
