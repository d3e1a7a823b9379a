import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Invite, Me, Teacher } from '../../../../../shared';
import { createInvite, createTeacher, listTeachers, revokeInvite } from '../../../api/admin';
import { messageOf } from '../../../api/api-error';
import { saveProblem } from '../../../api/field-errors';
import { DataTable } from '../../../components/data-table/DataTable';
import { FieldError } from '../../../components/field-error/FieldError';
import { useWideScreen } from '../../../hooks/useWideScreen';
import { isAdmin, useMe } from '../../../auth/useMe';
import { ListRow } from '../../../components/list-row/ListRow';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { beijingTime } from '../../../utils/time';
import { managedGroups, managedSchools } from './useAdminSchools';
import './index.scss';

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

/** An invite created on this visit, with who it is for (the server lists none: codes are shown once). */
interface IssuedInvite {
  invite: Invite;
  label: string;
}

const STATUS_LABELS: Record<Invite['status'], string> = { active: '有效', used: '已使用', revoked: '已撤销', expired: '已过期' };

/** 教师与邀请码: register teachers of a school in scope and give each a one-time code. */
export default function AdminTeachersPage() {
  const { me, loading, error, reload } = useMe();
  if (loading) return <StatusView kind="loading" message="正在加载…" />;
  if (error) return <StatusView kind="error" message={error} onRetry={reload} />;
  if (!me || !isAdmin(me)) return <StatusView kind="hint" message="仅集团管理员和区管理员可用" />;
  return <AdminView me={me} />;
}

function AdminView({ me }: { me: Me }) {
  const schools = useAsync(() => managedSchools(me), [me.userId, me.roles.length]);
  const groups = useAsync(() => managedGroups(me), [me.userId, me.roles.length]);
  const [schoolIndex, setSchoolIndex] = useState(0);
  const [shown, setShown] = useState<Invite | null>(null);
  const [issued, setIssued] = useState<IssuedInvite[]>([]);

  if (schools.status === 'loading') return <StatusView kind="loading" message="正在加载可管理的学校…" />;
  if (schools.status === 'error') return <StatusView kind="error" message={schools.message} onRetry={schools.reload} />;
  const school = schools.data[schoolIndex];

  const issue = async (target: Invite['target'], label: string) => {
    try {
      const invite = await createInvite({ target });
      setShown(invite);
      setIssued((list) => [{ invite, label }, ...list]);
    } catch (error) {
      toast(messageOf(error));
    }
  };
  const revoke = async (inviteId: string) => {
    const { confirm } = await Taro.showModal({
      title: '撤销邀请码',
      content: '撤销后该邀请码立即失效，无法再使用。确定撤销？',
      confirmText: '撤销',
    });
    if (!confirm) return;
    try {
      const revoked = await revokeInvite(inviteId);
      setIssued((list) =>
        list.map((item) => (item.invite.id === inviteId ? { ...item, invite: { ...item.invite, status: revoked.status } } : item)),
      );
      setShown((current) => (current?.id === inviteId ? null : current));
      toast('已撤销');
    } catch (error) {
      toast(messageOf(error));
    }
  };

  return (
    <View className="page page--wide admin">
      <Section title="学校">
        {schools.data.length === 0 ? <Text className="admin__empty">管理范围内还没有学校</Text> : null}
        <View className="admin__schools">
          {schools.data.map((s, index) => (
            <Text
              key={s.id}
              id={`admin-school-${s.id}`}
              className={`admin__school${index === schoolIndex ? ' admin__school--active' : ''}`}
              onClick={() => (setSchoolIndex(index), setShown(null))}
            >
              {s.name}
            </Text>
          ))}
        </View>
      </Section>
      {shown ? <InviteCard invite={shown} onClose={() => setShown(null)} /> : null}
      {school ? (
        <TeacherList
          key={school.id}
          schoolId={school.id}
          onInvite={(t) => void issue({ role: 'teacher', teacherId: t.id }, `教师 ${t.name}（${school.name}）`)}
        />
      ) : null}
      {groups.status === 'error' ? <StatusView kind="error" message={groups.message} onRetry={groups.reload} /> : null}
      {groups.status === 'ready' && groups.data.length > 0 ? (
        <Section title="集团管理员邀请码" className="admin-groups">
          {groups.data.map((g) => (
            <ListRow
              key={g.id}
              className="admin-group"
              title={g.name}
              extra={
                <Text
                  id={`group-invite-${g.id}`}
                  className="admin__action"
                  onClick={() => void issue({ role: 'group_admin', groupId: g.id }, `集团管理员（${g.name}）`)}
                >
                  生成邀请码
                </Text>
              }
            />
          ))}
        </Section>
      ) : null}
      {issued.length > 0 ? <IssuedList issued={issued} onRevoke={(id) => void revoke(id)} /> : null}
    </View>
  );
}

function TeacherList({ schoolId, onInvite }: { schoolId: string; onInvite: (teacher: Teacher) => void }) {
  const teachers = useAsync(async () => (await listTeachers(schoolId)).items, [schoolId]);
  const [name, setName] = useState('');
  const [subject, setSubject] = useState('');
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const wide = useWideScreen();
  const add = async () => {
    setSaving(true);
    try {
      await createTeacher({ name: name.trim(), schoolId, ...(subject.trim() ? { subject: subject.trim() } : {}) });
      setName('');
      setSubject('');
      setErrors({});
      toast('已登记');
      teachers.reload();
    } catch (error) {
      // The server's reason beside the field it names (姓名, 学科), and as the toast.
      const problem = saveProblem(error);
      setErrors(problem.fields);
      toast(problem.message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Section title="教师" className="admin-teachers">
      {teachers.status === 'loading' ? <StatusView kind="loading" message="正在加载教师…" /> : null}
      {teachers.status === 'error' ? <StatusView kind="error" message={teachers.message} onRetry={teachers.reload} /> : null}
      {teachers.status === 'ready' && teachers.data.length === 0 ? <Text className="admin__empty">还没有登记教师</Text> : null}
      {teachers.status === 'ready' && wide && teachers.data.length > 0 ? (
        // At desktop width: a table of 姓名 / 学科 / 微信 / 邀请码.
        <DataTable
          layout="table"
          rows={teachers.data}
          rowKey={(t) => t.id}
          rowClassName={() => 'admin-teacher'}
          columns={[
            { key: 'name', title: '姓名', grow: 2, render: (t) => <Text className="admin-teacher__name">{t.name}</Text> },
            { key: 'subject', title: '学科', grow: 2, render: (t) => t.subject ?? '—' },
            { key: 'bound', title: '微信', grow: 2, render: (t) => (t.bound ? '已绑定微信' : '未绑定') },
            {
              key: 'invite',
              title: '邀请码',
              grow: 2,
              render: (t) =>
                t.bound ? (
                  '—'
                ) : (
                  <Text className="admin__action admin-teacher__invite" onClick={() => onInvite(t)}>
                    生成邀请码
                  </Text>
                ),
            },
          ]}
        />
      ) : null}
      {teachers.status === 'ready' && !wide
        ? teachers.data.map((t: Teacher) => (
            <ListRow
              key={t.id}
              className="admin-teacher"
              title={t.name}
              titleClassName="admin-teacher__name"
              meta={[t.subject, t.bound ? '已绑定微信' : '未绑定'].filter(Boolean).join(' · ')}
              extra={
                t.bound ? null : (
                  <Text className="admin__action admin-teacher__invite" onClick={() => onInvite(t)}>
                    生成邀请码
                  </Text>
                )
              }
            />
          ))
        : null}
      <View className="admin__form">
        <Input
          id="teacher-name"
          className="admin__input"
          value={name}
          placeholder="教师姓名"
          maxlength={30}
          onInput={(e) => setName(e.detail.value)}
        />
        <FieldError field="name" errors={errors} />
        <Input
          id="teacher-subject"
          className="admin__input"
          value={subject}
          placeholder="学科（选填）"
          maxlength={20}
          onInput={(e) => setSubject(e.detail.value)}
        />
        <FieldError field="subject" errors={errors} />
        <Button
          id="teacher-add"
          size="mini"
          className="admin__add"
          disabled={!name.trim() || saving || undefined}
          loading={saving}
          onClick={() => void add()}
        >
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
      <Text id="invite-code" className="invite-card__code" userSelect>
        {invite.code}
      </Text>
      <Text className="invite-card__meta">
        有效期至 {beijingTime(invite.expiresAt)}，仅可使用一次。请复制后发给对方，关闭后无法再次查看。
      </Text>
      <View className="invite-card__actions">
        <Button
          id="invite-copy"
          size="mini"
          className="invite-card__btn invite-card__copy"
          onClick={() => void Taro.setClipboardData({ data: invite.code ?? '' }).catch(() => toast('未能复制，请手动记下邀请码'))}
        >
          复制
        </Button>
        <Button id="invite-close" size="mini" className="invite-card__btn" onClick={onClose}>
          关闭
        </Button>
      </View>
    </Section>
  );
}

/** Codes made on this visit; an active one can be revoked (e.g. sent to the wrong person). */
function IssuedList({ issued, onRevoke }: { issued: IssuedInvite[]; onRevoke: (inviteId: string) => void }) {
  return (
    <Section title="本次生成的邀请码" className="admin-issued">
      {issued.map(({ invite, label }) => (
        <ListRow
          key={invite.id}
          className="admin-issued__item"
          title={label}
          meta={`${STATUS_LABELS[invite.status]} · 有效期至 ${beijingTime(invite.expiresAt)}`}
          extra={
            invite.status === 'active' ? (
              <Text id={`invite-revoke-${invite.id}`} className="admin__action admin-issued__revoke" onClick={() => onRevoke(invite.id)}>
                撤销
              </Text>
            ) : null
          }
        />
      ))}
    </Section>
  );
}
