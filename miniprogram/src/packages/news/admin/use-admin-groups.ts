import { listDistrictGroups } from '../../../api/catalog';
import { useMe } from '../../../auth/useMe';
import { useAsync } from '../../../hooks/useAsync';

/** The groups whose news I may publish: my groups as group admin, every group of my district as district admin. */
export function useAdminGroups() {
  const { me, loading } = useMe();
  const scopes = (role: string) => (me?.roles ?? []).filter((r) => r.role === role && r.scope).map((r) => r.scope!);
  const districtIds = scopes('district_admin').map((s) => s.id);
  const own = scopes('group_admin').map((s) => ({ id: s.id, name: s.name }));
  const groups = useAsync(async () => {
    const district = (await Promise.all(districtIds.map(listDistrictGroups))).flatMap((l) =>
      l.items.map((g) => ({ id: g.id, name: g.name })),
    );
    const byId = new Map([...own, ...district].map((g) => [g.id, g]));
    return [...byId.values()];
  }, [districtIds.join(), own.map((g) => g.id).join()]);
  return {
    loading: loading || groups.status === 'loading',
    groups: groups.status === 'ready' ? groups.data : [],
    error: groups.status === 'error' ? groups.message : null,
    reload: groups.reload,
  };
}
