import { useRouter } from '@tarojs/taro';
import { getDistrictCatalog } from '../../api/catalog-admin';
import { useAsync } from '../../hooks/useAsync';

/** The page's district (?district=) and its whole catalogue; `reload` re-reads it (刷新 after a 409). */
export function useDistrictCatalog() {
  const { params } = useRouter();
  const districtId = decodeURIComponent(params.district ?? '');
  const id = params.id ? decodeURIComponent(params.id) : null;
  const catalog = useAsync(() => getDistrictCatalog(districtId), [districtId]);
  return { districtId, id, catalog };
}
