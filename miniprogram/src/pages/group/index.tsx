import { Text, View } from '@tarojs/components';
import type { GroupDetail } from '../../../../shared';
import { STAGE_LABELS } from '../../../../shared/catalog/labels';
import { getGroup } from '../../api/catalog';
import { AsyncContent } from '../../components/async-content/AsyncContent';
import { ListRow } from '../../components/list-row/ListRow';
import { Section } from '../../components/section/Section';
import { GroupTypeBadge } from '../../components/tag/GroupTypeBadge';
import { RoleTag } from '../../components/tag/RoleTag';
import { Tag } from '../../components/tag/Tag';
import { isPartnership } from '../../components/tag/group-types';
import { useAsync } from '../../hooks/useAsync';
import { districtLabel, useDistricts } from '../../hooks/useDistricts';
import { useNavigationTitle } from '../../hooks/useNavigationTitle';
import { requireId, usePageId } from '../../hooks/usePageId';
import { SharePanel } from '../../components/share/SharePanel';
import { useShareCard, useTimelineCard } from '../../components/share/use-share-card';
import { groupCard } from '../../utils/share/page-cards';
import { groupNewsPageUrl, openPage, openSchool } from '../../utils/routes';
import { GroupEvaluation } from './components/GroupEvaluation';
import '../detail.scss';

/** 集团: who leads it, who else takes part, its member schools, and a way to its news. */
export default function GroupPage() {
  const id = usePageId();
  const group = useAsync(async () => {
    requireId(id, '集团');
    return getGroup(id);
  }, [id]);
  useNavigationTitle(group.status === 'ready' ? group.data.name : undefined);
  const card = groupCard(id, group.status === 'ready' ? group.data : undefined);
  useShareCard(card);
  useTimelineCard(card);

  return (
    <View className="page detail">
      <AsyncContent state={group} onRetry={group.reload}>
        {(data) => (
          <>
            <GroupView group={data} />
            <SharePanel card={card} />
          </>
        )}
      </AsyncContent>
    </View>
  );
}

function GroupView({ group }: { group: GroupDetail }) {
  const districts = useDistricts();
  const lead = group.leadSchool;
  const partnership = isPartnership(group.type);
  return (
    <View>
      <Section className="detail__hero">
        <View className="detail__title-row">
          <Text className="detail__name group-name">{group.name}</Text>
          <GroupTypeBadge type={group.type} caption />
        </View>
        <Text className="detail__meta">{districtLabel(districts, group.districtId)}</Text>
      </Section>

      <Section>
        <ListRow className="group-news" title="集团动态" meta="本集团发布的新闻与通知" onTap={() => openPage(groupNewsPageUrl(group.id))} />
      </Section>

      {partnership ? (
        // 跨学段合作式: schools of different stages (and outside partners) work together as
        // equals; none of them leads, so none is named as the lead.
        <Section title="合作双方">
          {[...group.members.map((m) => m.name), ...group.partners].map((name) => (
            <ListRow key={name} className="group-partner" title={name} />
          ))}
        </Section>
      ) : (
        <Section title="牵头学校">
          {lead ? (
            <ListRow className="group-lead" title={lead.name} onTap={() => openSchool(lead.id)} />
          ) : (
            // 联盟型 groups have no lead: their schools joined as equals.
            <ListRow className="group-lead" title="联盟校共同发起" />
          )}
        </Section>
      )}

      {group.partners.length && !partnership ? (
        <Section title="合作单位">
          {group.partners.map((partner) => (
            <ListRow key={partner} className="partner-item" title={partner} />
          ))}
        </Section>
      ) : null}

      <Section title={`成员学校（${group.members.length}）`}>
        {group.members.map((member) => (
          <ListRow
            key={member.schoolId}
            className="member-item"
            titleClassName="member-item__name"
            title={member.name}
            meta={STAGE_LABELS[member.stage]}
            extra={partnership ? <Tag tone="blue">合作方</Tag> : <RoleTag role={member.role} />}
            onTap={() => openSchool(member.schoolId)}
          />
        ))}
      </Section>

      <GroupEvaluation groupId={group.id} />
    </View>
  );
}
