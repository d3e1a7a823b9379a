import type { MemberRole } from '../../../../shared';
import { MEMBER_ROLE_LABELS } from '../../../../shared/catalog/labels';
import { Tag, type TagTone } from './Tag';

const ROLE_TONES: Record<MemberRole, TagTone> = { lead: 'green', member: 'blue', alliance: 'orange' };

/** 牵头校 / 成员校 / 联盟校 */
export function RoleTag({ role }: { role: MemberRole }) {
  return (
    <Tag tone={ROLE_TONES[role]} className={`role-tag role-tag--${role}`}>
      {MEMBER_ROLE_LABELS[role]}
    </Tag>
  );
}
