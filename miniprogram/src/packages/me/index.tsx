import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../../shared/catalog/labels';
import type { Me } from '../../../../shared';
import { messageOf } from '../../api/api-error';
import { saveProblem } from '../../api/field-errors';
import { FieldError } from '../../components/field-error/FieldError';
import { bindSchool, deleteMe, logout, redeemInvite, unbindSchool } from '../../api/identity';
import { clearSession } from '../../api/session-store';
import { isH5, silentLogin, usesCloud } from '../../auth/login';
import { useMe } from '../../auth/useMe';
import { ListRow } from '../../components/list-row/ListRow';
import { Section } from '../../components/section/Section';
import { StatusView } from '../../components/status-view/StatusView';
import { PRIVACY_PAGE, openPage, openSchool } from '../../utils/routes';
import { SchoolPicker } from './SchoolPicker';
import './index.scss';

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

/** 我的: roles, 我的学校, invite code, privacy, logout and deleting everything. */
export default function MePage() {
  const { me, loading, error, reload } = useMe();
  if (loading) return <StatusView kind="loading" message="正在加载…" />;
  if (error) return <StatusView kind="error" message={error} onRetry={reload} />;
  if (!me) {
    return isH5() ? (
      <StatusView kind="hint" message="请先在首页选择一个演示身份" />
    ) : (
      <StatusView kind="error" message="尚未登录，请重试" onRetry={() => void silentLogin().then(reload, (e) => toast(messageOf(e)))} />
    );
  }
  return <MeView me={me} onChange={reload} />;
}

function MeView({ me, onChange }: { me: Me; onChange: () => void }) {
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  /**
   * Runs a change, tells how it went, and re-reads 我的; true when it worked. With `field`, a
   * failure's reason also stays beside that field (the server's own words for it, or its message).
   */
  const act = async (work: () => Promise<unknown>, done: string, field?: string): Promise<boolean> => {
    try {
      await work();
      if (field) setErrors((e) => ({ ...e, [field]: '' }));
      toast(done);
      onChange();
      return true;
    } catch (error) {
      const problem = saveProblem(error);
      if (field) setErrors((e) => ({ ...e, [field]: problem.fields[field] ?? problem.message }));
      toast(problem.message);
      return false;
    }
  };

  const confirmDelete = async () => {
    const { confirm } = await Taro.showModal({
      title: '删除我的数据',
      content: '将立即删除你的身份、绑定的学校和登录状态，且无法恢复。确定删除？',
      confirmText: '删除',
      confirmColor: '#fa5151',
    });
    if (!confirm) return;
    try {
      const { deleted } = await deleteMe();
      clearSession();
      await Taro.showModal({
        title: '已删除',
        content: `身份 ${deleted.roles} 项，学校 ${deleted.schools} 所，教师绑定 ${deleted.teacherBindings} 项，登录 ${deleted.sessions} 个，其他 ${deleted.other} 项。`,
        showCancel: false,
      });
      onChange();
    } catch (error) {
      toast(messageOf(error));
    }
  };

  return (
    <View className="page me">
      <Section title="我的身份" className="me-roles">
        {me.roles.map((r) => (
          <ListRow key={`${r.role}:${r.scope?.id ?? ''}`} className="me-role" title={ROLE_LABELS[r.role]} meta={r.scope?.name} />
        ))}
        {me.teacher ? (
          <ListRow title={`任教：${me.teacher.schoolName}`} meta={me.teacher.name} onTap={() => openSchool(me.teacher!.schoolId)} />
        ) : null}
      </Section>

      <Section title="我的学校" className="me-schools">
        {me.schools.length === 0 ? <Text className="me__empty">还没有绑定学校。只需选择学校，不需要填写孩子的信息。</Text> : null}
        {me.schools.map((s) => (
          <ListRow
            key={s.schoolId}
            className="me-school"
            title={s.name}
            titleClassName="me-school__name"
            onTap={() => openSchool(s.schoolId)}
            extra={
              <Text
                className="me-school__unbind"
                onClick={(e) => (e.stopPropagation(), void act(() => unbindSchool(s.schoolId), '已解除绑定'))}
              >
                解除绑定
              </Text>
            }
          />
        ))}
        <SchoolPicker
          boundIds={me.schools.map((s) => s.schoolId)}
          onPick={(schoolId) => void act(() => bindSchool(schoolId), '已绑定', 'schoolId')}
          error={errors.schoolId}
        />
      </Section>

      <Section title="邀请码" className="me-invite">
        <Text className="me__hint">教师或集团管理员请输入管理员提供的邀请码</Text>
        <View className="me-invite__row">
          <Input
            id="invite-input"
            className="me-invite__input"
            value={code}
            placeholder="例如 ABCDE-FGH23"
            maxlength={14}
            onInput={(e) => setCode(e.detail.value)}
          />
          <Button
            id="invite-submit"
            size="mini"
            className="me-invite__submit"
            disabled={code.trim().length < 8 || undefined}
            onClick={() => void act(() => redeemInvite(code), '已绑定身份', 'code').then((ok) => ok && setCode(''))}
          >
            提交
          </Button>
        </View>
        <FieldError field="code" errors={errors} />
      </Section>

      <Section className="me-actions">
        <ListRow title="隐私政策" onTap={() => openPage(PRIVACY_PAGE)} />
        {usesCloud() ? null : <ListRow title="退出登录" onTap={() => void logout().finally(() => (clearSession(), onChange()))} />}
        <ListRow title="删除我的数据" className="me-delete" titleClassName="me-delete__title" onTap={() => void confirmDelete()} />
      </Section>
    </View>
  );
}
