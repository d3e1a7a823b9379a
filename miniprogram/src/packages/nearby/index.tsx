import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ApiResponse } from '../../../../shared';
import { nearbySchools } from '../../api/catalog';
import { messageOf } from '../../api/api-error';
import { Section } from '../../components/section/Section';
import { StatusView } from '../../components/status-view/StatusView';
import { districtLabel, useDistricts } from '../../hooks/useDistricts';
import { SchoolResultItem } from '../../pages/home/components/SchoolResultItem';
import { openSchool } from '../../utils/routes';
import { distanceLabel } from './distance-label';
import { locateParent } from './locate-parent';
import './index.scss';

type Schools = ApiResponse<'GET /api/schools/nearby'>['items'];
type Phase =
  | { kind: 'ask' }
  | { kind: 'locating' }
  | { kind: 'refused' }
  | { kind: 'unavailable' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; schools: Schools };

/**
 * 附近的学校: nothing is asked of the device until the parent taps 使用我的位置. A refusal, a
 * device without a position and a place with no school near all end in a plain empty state
 * that points to 找学校; only a failed request is an error (with 重试).
 */
export default function NearbyPage() {
  const [phase, setPhase] = useState<Phase>({ kind: 'ask' });
  const districts = useDistricts();

  const locate = async () => {
    setPhase({ kind: 'locating' });
    const located = await locateParent();
    if (located === 'refused' || located === 'unavailable') return setPhase({ kind: located });
    try {
      setPhase({ kind: 'ready', schools: (await nearbySchools(located)).items });
    } catch (error) {
      setPhase({ kind: 'error', message: messageOf(error) });
    }
  };

  return (
    <View className="page nearby">
      <View className="nearby__header">
        <Text className="nearby__title">附近的学校</Text>
        <Text className="nearby__note">你的位置只用于这一次查找，不会被保存或记录。</Text>
        {phase.kind === 'locating' ? null : (
          <Button id="nearby-locate" className="nearby__locate" onClick={() => void locate()}>
            {phase.kind === 'ask' ? '使用我的位置' : '重新定位'}
          </Button>
        )}
      </View>
      <NearbyBody phase={phase} onRetry={() => void locate()} districtName={(id) => districtLabel(districts, id)} />
    </View>
  );
}

function NearbyBody({ phase, onRetry, districtName }: { phase: Phase; onRetry: () => void; districtName: (id: string) => string }) {
  switch (phase.kind) {
    case 'ask':
      return <StatusView kind="hint" message="点击“使用我的位置”，按距离查看附近的学校" />;
    case 'locating':
      return <StatusView kind="loading" message="正在定位…" />;
    case 'refused':
      return <StatusView kind="empty" message="未获得位置授权，无法查找附近的学校。你可以返回首页按学校名称查找。" />;
    case 'unavailable':
      return <StatusView kind="empty" message="暂时无法获取你的位置，请稍后再试，或返回首页按学校名称查找。" />;
    case 'error':
      return <StatusView kind="error" message={phase.message} onRetry={onRetry} />;
    case 'ready':
      if (phase.schools.length === 0) return <StatusView kind="empty" message="附近 30 公里内暂无标注了位置的学校" />;
      return (
        <Section className="result-list">
          {phase.schools.map((school) => (
            <SchoolResultItem
              key={school.id}
              school={school}
              districtName={districtName(school.districtId)}
              onOpen={openSchool}
              extra={<Text className="nearby__distance">{distanceLabel(school.distance)}</Text>}
            />
          ))}
        </Section>
      );
  }
}
