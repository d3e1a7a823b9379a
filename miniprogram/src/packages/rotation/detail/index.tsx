import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { getBatch } from '../../../api/rotation';
import { AsyncContent } from '../../../components/async-content/AsyncContent';
import { ListRow } from '../../../components/list-row/ListRow';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { useDebouncedValue } from '../../../hooks/useDebouncedValue';
import { requireId, usePageId } from '../../../hooks/usePageId';
import { SharePanel } from '../../../components/share/SharePanel';
import { useShareCard, useTimelineCard } from '../../../components/share/use-share-card';
import { rotationCard } from '../../../utils/share/page-cards';
import { objectionUrl, openPage } from '../../../utils/routes';
import { assignmentText, periodText, statusLabel } from '../labels';
import '../rotation.scss';

/** One notice: its period and status, its assignments searchable by teacher and school, 提出异议 while 公示中. */
export default function RotationDetailPage() {
  const id = usePageId();
  const [teacher, setTeacher] = useState('');
  const [school, setSchool] = useState('');
  const search = { teacher: useDebouncedValue(teacher.trim(), 250), school: useDebouncedValue(school.trim(), 250) };
  const state = useAsync(async () => (requireId(id, '公示'), getBatch(id, search)), [id, search.teacher, search.school]);
  const card = rotationCard(id, state.status === 'ready' ? state.data.batch : undefined);
  useShareCard(card);
  useTimelineCard(card);

  return (
    <AsyncContent state={state} onRetry={state.reload}>
      {({ batch, assignments }) => {
        const open = batch.status === 'publicizing';
        return (
          <View className="page">
            <Section title={batch.title}>
              <Text className="field__hint" id="rotation-status">
                {statusLabel(batch)} · {periodText(batch)} · {batch.schoolYear} 学年
              </Text>
              {open ? (
                <Button id="objection-batch" className="primary-button" onClick={() => openPage(objectionUrl(batch.id))}>
                  对本批次提出异议
                </Button>
              ) : null}
            </Section>
            <Section title="交流人员">
              <Input
                id="search-teacher"
                className="field__input"
                placeholder="按教师姓名搜索"
                value={teacher}
                onInput={(e) => setTeacher(e.detail.value)}
              />
              <Input
                id="search-school"
                className="field__input"
                placeholder="按学校名称搜索"
                value={school}
                onInput={(e) => setSchool(e.detail.value)}
              />
              {assignments.length === 0 ? <StatusView kind="empty" message="没有符合条件的交流人员" /> : null}
              {assignments.map((a) => (
                <ListRow
                  key={a.id}
                  className="rotation-assignment"
                  title={a.teacherName}
                  meta={assignmentText(a)}
                  onTap={open ? () => openPage(objectionUrl(batch.id, a.id)) : undefined}
                />
              ))}
            </Section>
            <SharePanel card={card} />
          </View>
        );
      }}
    </AsyncContent>
  );
}
