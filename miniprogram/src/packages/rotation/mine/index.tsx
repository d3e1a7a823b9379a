import { Text, View } from '@tarojs/components';
import { getMyRotation } from '../../../api/rotation';
import { AsyncContent } from '../../../components/async-content/AsyncContent';
import { ListRow } from '../../../components/list-row/ListRow';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { objectionUrl, openGroup, openPage, rotationDetailUrl } from '../../../utils/routes';
import { assignmentText, periodText, statusLabel } from '../labels';
import '../rotation.scss';

/** 我的交流: the bound teacher's own assignments, where they are going, their 公示 and 提出异议 while it runs. */
export default function MyRotationPage() {
  const state = useAsync(getMyRotation, []);
  return (
    <AsyncContent state={state} onRetry={state.reload}>
      {({ teacherBound, items }) => {
        if (!teacherBound) return <StatusView kind="hint" message="绑定教师身份后可查看我的交流（请向学校管理员索取邀请码）" />;
        if (items.length === 0) return <StatusView kind="empty" message="暂无你的交流轮岗安排" />;
        return (
          <View className="page">
            {items.map((a) => (
              <Section key={`${a.batch.id}-${a.id}`} title={a.batch.title} className="my-rotation">
                <Text className="field__hint">
                  {statusLabel(a.batch)} · {periodText(a.batch)}
                </Text>
                <ListRow title={`交流学校：${a.toSchool.name}`} meta={assignmentText(a)} />
                {a.toSchool.groups.map((g) => (
                  <ListRow key={g.id} className="my-rotation__group" title={`所属集团：${g.name}`} onTap={() => openGroup(g.id)} />
                ))}
                <Text className="field__hint">地址：{a.toSchool.address ?? '暂未收录，请以学校通知为准'}</Text>
                <ListRow className="my-rotation__notice" title="查看公示" onTap={() => openPage(rotationDetailUrl(a.batch.id))} />
                {a.batch.status === 'publicizing' ? (
                  <ListRow className="my-rotation__objection" title="提出异议" onTap={() => openPage(objectionUrl(a.batch.id, a.id))} />
                ) : null}
              </Section>
            ))}
          </View>
        );
      }}
    </AsyncContent>
  );
}
