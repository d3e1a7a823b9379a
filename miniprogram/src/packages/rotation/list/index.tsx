import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { listBatches } from '../../../api/rotation';
import { DistrictFilter } from '../../../components/chip/DistrictFilter';
import { ListRow } from '../../../components/list-row/ListRow';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { useDistricts } from '../../../hooks/useDistricts';
import { openPage, rotationDetailUrl } from '../../../utils/routes';
import { periodText, statusLabel } from '../labels';
import '../rotation.scss';

/** 交流轮岗公示: the 公示中 and 已生效 batches of a district (or of one group). */
export default function RotationListPage() {
  const { params } = useRouter();
  const districts = useDistricts();
  const [districtId, setDistrictId] = useState(params.districtId ?? '');
  const chosen = districtId || districts[0]?.id || '';
  const scope = params.groupId ? { groupId: params.groupId } : chosen ? { districtId: chosen } : null;
  // Keyed by the scope alone: in a group's list the districts arriving must not reload it.
  const batches = useAsync(async () => (scope ? (await listBatches(scope)).items : null), [params.groupId ?? chosen]);

  return (
    <View className="page">
      {params.groupId ? null : (
        <View className="rotation-district-bar">
          <DistrictFilter
            districts={districts}
            selected={chosen}
            onSelect={setDistrictId}
            showAll={false}
            chipIdPrefix="rotation-district-"
            id="rotation-district-filter"
          />
        </View>
      )}
      <Body batches={batches} />
    </View>
  );
}

function Body({ batches }: { batches: ReturnType<typeof useAsync<Awaited<ReturnType<typeof listBatches>>['items'] | null>> }) {
  if (batches.status === 'loading') return <StatusView kind="loading" message="正在加载…" />;
  if (batches.status === 'error') return <StatusView kind="error" message={batches.message} onRetry={batches.reload} />;
  if (batches.data === null) return <StatusView kind="hint" message="请选择区县" />;
  if (batches.data.length === 0) return <StatusView kind="empty" message="暂无交流轮岗公示" />;
  return (
    <Section>
      {batches.data.map((b) => (
        <ListRow
          key={b.id}
          className="rotation-batch"
          title={b.title}
          meta={`${statusLabel(b)} · ${periodText(b)} · ${b.assignmentCount} 人`}
          onTap={() => openPage(rotationDetailUrl(b.id))}
        />
      ))}
    </Section>
  );
}
