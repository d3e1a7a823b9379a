import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { DistrictCatalog } from '../../../../../shared';
import { messageOf } from '../../../api/api-error';
import { getDistrictCatalog, openCatalogExport, openCatalogTemplate } from '../../../api/catalog-admin';
import { useMe } from '../../../auth/useMe';
import { Chip } from '../../../components/chip/Chip';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { useReshow } from '../../../hooks/useReshow';
import { CATALOG_GROUP_VIEW_PAGE, catalogGroupUrl, catalogImportUrl, catalogSchoolUrl, openPage } from '../../../utils/routes';
import { termLabel } from '../../../../../shared/catalog/terms';
import { CatalogActions } from './CatalogActions';
import { GroupList } from './GroupList';
import { GroupTypesEditor } from './GroupTypesEditor';
import { SchoolList } from './SchoolList';
import '../catalog.scss';

/**
 * 学校与集团, a district admin's catalogue: the district, the term today falls in, its groups
 * (with the schools in them this term) and its schools, and the ways to change them.
 */
export default function CatalogHomePage() {
  const { me, loading } = useMe();
  const districts = (me?.roles ?? []).filter((r) => r.role === 'district_admin' && r.scope).map((r) => r.scope!);
  const [picked, setPicked] = useState(0);
  const districtId = districts[picked]?.id ?? null;
  const catalog = useAsync(async () => (districtId ? getDistrictCatalog(districtId) : null), [districtId]);
  // Back from an edit page: show what it saved.
  useReshow(catalog.refresh);

  if (loading || catalog.status === 'loading') return <StatusView kind="loading" message="正在加载…" />;
  if (!districtId) {
    const groupAdmin = me?.roles.some((r) => r.role === 'group_admin');
    return groupAdmin ? (
      <View className="page">
        <Section title="学校与集团">
          <Text className="field__hint" id="open-group-view" onClick={() => openPage(CATALOG_GROUP_VIEW_PAGE)}>
            查看本集团的学校 ›
          </Text>
        </Section>
      </View>
    ) : (
      <StatusView kind="hint" message="仅区管理员可用" />
    );
  }
  if (catalog.status === 'error') return <StatusView kind="error" message={catalog.message} onRetry={catalog.reload} />;
  return (
    <View className="page catalog">
      {districts.length > 1 ? (
        <View className="chips catalog-districts">
          {districts.map((d, index) => (
            <Chip key={d.id} id={`district-${d.id}`} label={d.name} selected={index === picked} onPick={() => setPicked(index)} />
          ))}
        </View>
      ) : null}
      {catalog.data ? <CatalogView catalog={catalog.data} onChanged={catalog.refresh} /> : null}
    </View>
  );
}

function CatalogView({ catalog, onChanged }: { catalog: DistrictCatalog; onChanged: () => void }) {
  const [tab, setTab] = useState<'groups' | 'schools'>('groups');
  const { district } = catalog;
  const fail = (error: unknown) => void Taro.showToast({ title: messageOf(error), icon: 'none' });
  return (
    <View>
      <Section title={`${district.city}${district.name}`}>
        <Text className="field__hint" id="current-term">
          当前学期：{termLabel(catalog.currentTerm)}
        </Text>
        <CatalogActions
          onNewSchool={() => openPage(catalogSchoolUrl(district.id))}
          onNewGroup={() => openPage(catalogGroupUrl(district.id))}
          onImport={() => openPage(catalogImportUrl(district.id))}
          onTemplate={() => void openCatalogTemplate().catch(fail)}
          onExport={() => void openCatalogExport(district.id, district.name).catch(fail)}
        />
      </Section>
      <View className="chips catalog-tabs">
        <Chip id="tab-groups" label={`集团（${catalog.groups.length}）`} selected={tab === 'groups'} onPick={() => setTab('groups')} />
        <Chip id="tab-schools" label={`学校（${catalog.schools.length}）`} selected={tab === 'schools'} onPick={() => setTab('schools')} />
      </View>
      {tab === 'groups' ? (
        <View>
          <GroupList catalog={catalog} onOpen={(groupId) => openPage(catalogGroupUrl(district.id, groupId))} />
          <GroupTypesEditor key={catalog.district.version} catalog={catalog} onSaved={onChanged} />
        </View>
      ) : (
        <SchoolList catalog={catalog} onOpen={(schoolId) => openPage(catalogSchoolUrl(district.id, schoolId))} />
      )}
    </View>
  );
}
