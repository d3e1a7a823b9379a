import { Text, View } from '@tarojs/components';
import type { SchoolDetail } from '../../../../shared';
import { STAGE_LABELS } from '../../../../shared/catalog/labels';
import { getSchool } from '../../api/catalog';
import { AsyncContent } from '../../components/async-content/AsyncContent';
import { ListRow } from '../../components/list-row/ListRow';
import { Section } from '../../components/section/Section';
import { GroupTypeBadge } from '../../components/tag/GroupTypeBadge';
import { RoleTag } from '../../components/tag/RoleTag';
import { useAsync } from '../../hooks/useAsync';
import { districtLabel, useDistricts } from '../../hooks/useDistricts';
import { useNavigationTitle } from '../../hooks/useNavigationTitle';
import { requireId, usePageId } from '../../hooks/usePageId';
import { SharePanel } from '../../components/share/SharePanel';
import { useShareCard, useTimelineCard } from '../../components/share/use-share-card';
import { schoolCard } from '../../utils/share/page-cards';
import { joinMeta } from '../../utils/join-meta';
import { openGroup } from '../../utils/routes';
import { SchoolContact } from './components/SchoolContact';
import '../detail.scss';

/** 学校: what the school is called, where it is and how to call it, its campuses and the groups it belongs to. */
export default function SchoolPage() {
  const id = usePageId();
  const school = useAsync(async () => {
    requireId(id, '学校');
    return getSchool(id);
  }, [id]);
  useNavigationTitle(school.status === 'ready' ? school.data.name : undefined);
  const card = schoolCard(id, school.status === 'ready' ? school.data : undefined);
  useShareCard(card);
  useTimelineCard(card);

  return (
    <View className="page detail">
      <AsyncContent state={school} onRetry={school.reload}>
        {(data) => (
          <>
            <SchoolView school={data} />
            <SharePanel card={card} />
          </>
        )}
      </AsyncContent>
    </View>
  );
}

function SchoolView({ school }: { school: SchoolDetail }) {
  const districts = useDistricts();
  return (
    <View>
      <Section className="detail__hero">
        <Text className="detail__name" id="school-name">
          {school.name}
        </Text>
        <Text className="detail__meta">{joinMeta(districtLabel(districts, school.districtId), STAGE_LABELS[school.stage])}</Text>
        {school.aliases.length ? <Text className="detail__note school-aliases">又称：{school.aliases.join('、')}</Text> : null}
      </Section>

      <SchoolContact school={school} />

      {school.campuses.length ? (
        <Section title="校区">
          {school.campuses.map((campus) => (
            <ListRow key={campus.id} className="campus-item" title={campus.name} meta={campus.address} />
          ))}
        </Section>
      ) : null}

      <Section title="所属教育集团">
        {school.groups.length ? (
          school.groups.map((group) => (
            <ListRow
              key={group.id}
              className="group-item"
              titleClassName="group-item__name"
              title={group.name}
              extra={
                <>
                  <GroupTypeBadge type={group.type} />
                  <RoleTag role={group.role} />
                </>
              }
              onTap={() => openGroup(group.id)}
            />
          ))
        ) : (
          <Text className="detail__empty">暂未加入教育集团</Text>
        )}
      </Section>
    </View>
  );
}
