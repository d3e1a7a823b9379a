import { Text, View } from '@tarojs/components';
import type { Me, SchoolGroupRef } from '../../../../../shared';
import { hasRole, isAdmin } from '../../../auth/useMe';
import {
  ADMIN_NEWS_PAGE,
  ADMIN_ROTATION_PAGE,
  ADMIN_SURVEYS_PAGE,
  ADMIN_TEACHERS_PAGE,
  CATALOG_GROUP_VIEW_PAGE,
  CATALOG_HOME_PAGE,
  EVALUATION_ROUNDS_PAGE,
  ME_PAGE,
  MY_NEWS_PAGE,
  MY_OBJECTIONS_PAGE,
  MY_ROTATION_PAGE,
  MY_SURVEYS_PAGE,
  openGroup,
  openPage,
  openSchool,
  rotationListUrl,
} from '../../../utils/routes';
import { useBoundSchoolGroups } from '../useBoundSchoolGroups';
import { getSchool } from '../../../api/catalog';

interface Entry {
  id: string;
  label: string;
  open: () => void;
}

/** schoolId → the school's groups (null: not known); the whole map is null while loading. */
export type GroupsBySchool = Map<string, SchoolGroupRef[] | null> | null;

/**
 * The entries each role has, and only features that exist: everyone 我的; a parent with
 * 我的学校 their surveys, 我的动态 and the groups of those schools (the school itself where it has no
 * group) and the 轮岗公示 of their district; a teacher their school, 我的交流, 轮岗公示, 我的问卷 and 我的异议; admins 管理, 学校与集团
 * (district admins edit it, group admins read their group's), 问卷, 集团评价, 轮岗 and 动态 (news publishing).
 */
export function roleEntries(me: Me | null, groupsBySchool: GroupsBySchool = null): Entry[] {
  const entries: Entry[] = [{ id: 'nav-me', label: '我的', open: () => openPage(ME_PAGE) }];
  if (me && me.schools.length > 0) {
    entries.push({ id: 'nav-surveys', label: '我的问卷', open: () => openPage(MY_SURVEYS_PAGE) });
    entries.push({ id: 'nav-news', label: '我的动态', open: () => openPage(MY_NEWS_PAGE) });
    const districtId = me.schools[0].districtId;
    entries.push({ id: 'nav-rotation', label: '轮岗公示', open: () => openPage(rotationListUrl(districtId)) });
    const seen = new Set<string>();
    for (const school of groupsBySchool ? me.schools : []) {
      const groups = groupsBySchool?.get(school.schoolId);
      if (!groups?.length) {
        entries.push({ id: `nav-school-${school.schoolId}`, label: school.name, open: () => openSchool(school.schoolId) });
        continue;
      }
      for (const group of groups.filter((g) => !seen.has(g.id))) {
        seen.add(group.id);
        entries.push({ id: `nav-group-${group.id}`, label: group.name, open: () => openGroup(group.id) });
      }
    }
  }
  if (hasRole(me, 'teacher') && me?.teacher) {
    const { schoolId } = me.teacher;
    entries.push({ id: 'nav-teacher', label: '我的任教学校', open: () => openSchool(schoolId) });
    entries.push({ id: 'nav-my-rotation', label: '我的交流', open: () => openPage(MY_ROTATION_PAGE) });
    // A parent with schools has these already; the binding names no district, the school does.
    if (me.schools.length === 0) {
      entries.push({ id: 'nav-rotation', label: '轮岗公示', open: () => void openDistrictRotation(schoolId) });
      entries.push({ id: 'nav-surveys', label: '我的问卷', open: () => openPage(MY_SURVEYS_PAGE) });
    }
    entries.push({ id: 'nav-my-objections', label: '我的异议', open: () => openPage(MY_OBJECTIONS_PAGE) });
  }
  if (isAdmin(me)) entries.push({ id: 'nav-admin', label: '管理', open: () => openPage(ADMIN_TEACHERS_PAGE) });
  // District admins edit their catalogue; group admins read their own group's.
  if (isAdmin(me)) {
    const page = hasRole(me, 'district_admin') ? CATALOG_HOME_PAGE : CATALOG_GROUP_VIEW_PAGE;
    entries.push({ id: 'nav-catalog', label: '学校与集团', open: () => openPage(page) });
  }
  if (isAdmin(me)) entries.push({ id: 'nav-survey-results', label: '问卷', open: () => openPage(ADMIN_SURVEYS_PAGE) });
  if (isAdmin(me)) entries.push({ id: 'nav-evaluation', label: '集团评价', open: () => openPage(EVALUATION_ROUNDS_PAGE) });
  if (isAdmin(me)) entries.push({ id: 'nav-rotation-admin', label: '轮岗', open: () => openPage(ADMIN_ROTATION_PAGE) });
  if (isAdmin(me)) entries.push({ id: 'nav-news-admin', label: '动态', open: () => openPage(ADMIN_NEWS_PAGE) });
  return entries;
}

/** The teacher's district comes from their school; without it (offline) the page says so itself. */
async function openDistrictRotation(schoolId: string) {
  const school = await getSchool(schoolId).catch(() => null);
  openPage(school ? rotationListUrl(school.districtId) : rotationListUrl(''));
}

export function RoleNav({ me }: { me: Me | null }) {
  const groupsBySchool = useBoundSchoolGroups(me?.schools ?? []);
  return (
    <View className="role-nav" id="role-nav">
      {roleEntries(me, groupsBySchool).map((entry) => (
        <Text key={entry.id} id={entry.id} className="role-nav__entry" onClick={entry.open}>
          {entry.label}
        </Text>
      ))}
    </View>
  );
}
