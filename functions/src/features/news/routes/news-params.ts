import { NEWS_IMAGE_ID_PATTERN } from '../../../../../shared';
import { idParam } from '../../../http/path-params';
import type { ScopeTarget } from '../../../http/route';
import type { NewsGroup } from '../news-groups';
import type { OpenedNews } from '../news-service';

export const ADMINS = ['group_admin', 'district_admin'] as const;

export const newsParam = idParam(/^nw-[0-9a-f]{16}$/, '未找到该动态');
/** A link that names no image is as invalid as one whose signature is wrong. */
export const imageParam = idParam(NEWS_IMAGE_ID_PATTERN, '图片链接无效或已过期');

/** The group a route loaded is placed as itself: the scope check does not read it again. */
export const loadedGroup = ({ subject }: { subject: NewsGroup }): ScopeTarget => ({
  type: 'loaded-group',
  groupId: subject.id,
  districtId: subject.districtId,
});

/** A loaded item sits in the group (and district) it records. */
export const groupOfItem = ({ subject }: { subject: OpenedNews }): ScopeTarget => ({
  type: 'loaded-group',
  groupId: subject.item.groupId,
  districtId: subject.item.districtId,
});
