import { Text, View } from '@tarojs/components';
import type { Me } from '../../../../../shared';
import { hasRole, isAdmin } from '../../../auth/useMe';
import { ADMIN_SURVEYS_PAGE, ADMIN_TEACHERS_PAGE, ME_PAGE, MY_SURVEYS_PAGE, openPage, openSchool } from '../../../utils/routes';

interface Entry {
  id: string;
  label: string;
  open: () => void;
}

/** The entries each role has, and only features that exist. */
export function roleEntries(me: Me | null): Entry[] {
  const entries: Entry[] = [{ id: 'nav-me', label: '我的', open: () => openPage(ME_PAGE) }];
  if (me && me.schools.length > 0) entries.push({ id: 'nav-surveys', label: '我的问卷', open: () => openPage(MY_SURVEYS_PAGE) });
  for (const school of me?.schools ?? []) {
    entries.push({ id: `nav-school-${school.schoolId}`, label: school.name, open: () => openSchool(school.schoolId) });
  }
  if (hasRole(me, 'teacher') && me?.teacher) {
    const { schoolId } = me.teacher;
    entries.push({ id: 'nav-teacher', label: '我的任教学校', open: () => openSchool(schoolId) });
  }
  if (isAdmin(me)) entries.push({ id: 'nav-admin', label: '管理', open: () => openPage(ADMIN_TEACHERS_PAGE) });
  if (isAdmin(me)) entries.push({ id: 'nav-survey-results', label: '问卷', open: () => openPage(ADMIN_SURVEYS_PAGE) });
  return entries;
}

export function RoleNav({ me }: { me: Me | null }) {
  return (
    <View className="role-nav" id="role-nav">
      {roleEntries(me).map((entry) => (
        <Text key={entry.id} id={entry.id} className="role-nav__entry" onClick={entry.open}>
          {entry.label}
        </Text>
      ))}
    </View>
  );
}
