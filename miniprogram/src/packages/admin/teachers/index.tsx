import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Invite, Me, Teacher } from '../../../../../shared';
import { createInvite, createTeacher, listTeachers } from '../../../api/admin';
import { messageOf } from '../../../api/api-error';
import { isAdmin, useMe } from '../../../auth/useMe';
import { ListRow } from '../../../components/list-row/ListRow';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { beijingTime } from '../../../utils/time';
import { managedGroups, managedSchools } from './useAdminSchools';
import './index.scss';

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

/** 教师与邀请码: register teachers of a school in scope and give each a one-time code. */
export default function AdminTeachersPage() {
  const { me, loading } = useMe();
  if (loading) return <StatusView kind="loading" message="正在加载…" />;
  if (!me || !isAdmin(me)) return <StatusView kind="hint" message="仅集团管理员和区管理员可用" />;
  return <AdminView me={me} />;
}

function AdminView({ me }: { me: Me }) {
  const schools = useAsync(() => managedSchools(me), [me.userId, me.roles.length]);
  const groups = useAsync(() => managedGroups(me), [me.userId, me.roles.length]);
  const [schoolIndex, setSchoolIndex] = useState(0);
  const [invite, setInvite] = useState<Invite | null>(null);

  if (schools.status !== 'ready') return <StatusView kind={schools.status === 'error' ? 'error' : 'loading'} message={schools.status === 'error' ? schools.message : '正在加载…'} onRetry={schools.reload} />;
  const school = schools.data[schoolIndex];
  const issue = async (target: Parameters<typeof createInvite>[0]['target']) => {
    try {
      setInvite(await createInvite({ target }));
    } catch (error) {
      toast(messageOf(error));
    }
  };

  return (
    <View className="page admin">
      <Section title="学校">
        {schools.data.length === 0 ? <Text className="admin__empty">无可管理的学校</Text> : null}
        <View className="admin__schools">
          {schools.data.map((s, index) => (
            <Text
              key={s.id}
              id={`admin-school-${s.id}`}
              className={`admin__school${index === schoolIndex ? ' admin__school--active' : ''}`}
              onClick={() => (setSchoolIndex(index), setInvite(null))}
            >
              {s.name}
            </Text>
          ))}
        </View>
      </Section>
      {invite ? <InviteCard invite={invite} onClose={() => setInvite(null)} /> : null}
      {school ? <TeacherList schoolId={school.id} onInvite={(teacherId) => void issue({ role: 'teacher', teacherId })} /> : null}
      {groups.status === 'ready' && groups.data.length > 0 ? (
        <Section title="集团管理员邀请码" className="admin-groups">
          {groups.data.map((g) => (
            <ListRow key={g.id} title={g.name} extra={<Text className="admin__action" onClick={() => void issue({ role: 'group_admin', groupId: g.id })}>生成邀请码</Text>} />
          ))}
        </Section>
      ) : null}
    </View>
  );
}

function TeacherList({ schoolId, onInvite }: { schoolId: string; onInvite: (teacherId: string) => void }) {
  const teachers = useAsync(async () => (await listTeachers(schoolId)).items, [schoolId]);
  const [name, setName] = useState('');
  const [subject, setSubject] = useState('');
  const add = async () => {
    try {
      await createTeacher({ name: name.trim(), schoolId, ...(subject.trim() ? { subject: subject.trim() } : {}) });
      setName('');
      setSubject('');
      teachers.reload();
    } catch (error) {
      toast(messageOf(error));
    }
  };
  return (
    <Section title="教师" className="admin-teachers">
      {teachers.status === 'loading' ? <StatusView kind="loading" message="正在加载…" /> : null}
      {teachers.status === 'error' ? <StatusView kind="error" message={teachers.message} onRetry={teachers.reload} /> : null}
      {teachers.status === 'ready' && teachers.data.length === 0 ? <Text className="admin__empty">还没有登记教师</Text> : null}
      {teachers.status === 'ready'
        ? teachers.data.map((t: Teacher) => (
            <ListRow
              key={t.id}
              className="admin-teacher"
              title={t.name}
              titleClassName="admin-teacher__name"
              meta={[t.subject, t.bound ? '已绑定微信' : '未绑定'].filter(Boolean).join(' · ')}
              extra={t.bound ? null : <Text className="admin__action admin-teacher__invite" onClick={() => onInvite(t.id)}>生成邀请码</Text>}
            />
          ))
        : null}
      <View className="admin__form">
        <Input id="teacher-name" className="admin__input" value={name} placeholder="教师姓名" maxlength={30} onInput={(e) => setName(e.detail.value)} />
        <Input id="teacher-subject" className="admin__input" value={subject} placeholder="学科（选填）" maxlength={20} onInput={(e) => setSubject(e.detail.value)} />
        <Button id="teacher-add" size="mini" className="admin__add" disabled={!name.trim()} onClick={() => void add()}>
          登记教师
        </Button>
      </View>
    </Section>
  );
}

/** The code is shown once: the server keeps only its hash. */
function InviteCard({ invite, onClose }: { invite: Invite; onClose: () => void }) {
  return (
    <Section title="邀请码（仅显示一次）" className="invite-card">
      <Text id="invite-code" className="invite-card__code">{invite.code}</Text>
      <Text className="invite-card__meta">有效期至 {beijingTime(invite.expiresAt)}，仅可使用一次</Text>
      <View className="invite-card__actions">
        <Button size="mini" onClick={() => void Taro.setClipboardData({ data: invite.code ?? '' })}>复制</Button>
        <Button size="mini" onClick={onClose}>关闭</Button>
      </View>
    </Section>
  );
}
