import { useState } from 'react';
import type { ApiResponse } from '../../../../../shared';
import { messageOf } from '../../../api/api-error';
import { getSchool } from '../../../api/catalog';
import { bindSchool, getMe } from '../../../api/identity';
import { useAsync } from '../../../hooks/useAsync';

type Me = ApiResponse<'GET /api/me'>;

export type SchoolBinding =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      name: string;
      /** The server takes answers only for a school the respondent is bound to (403 SCHOOL_NOT_BOUND). */
      bound: boolean;
      binding: boolean;
      problem: string;
      bind: () => Promise<void>;
      /** The server said otherwise (SCHOOL_NOT_BOUND): offer the binding again. */
      markUnbound: () => void;
    };

/** A parent's 我的 binding, or a teacher's own school. */
function isBoundTo(me: Me, schoolId: string): boolean {
  return me.schools.some((s) => s.schoolId === schoolId) || me.teacher?.schoolId === schoolId;
}

/** Which school is being rated and whether the respondent is bound to it; binds through 我的's endpoint. */
export function useSchoolBinding(schoolId: string): SchoolBinding {
  // No school yet (the parent is choosing one): nothing to read.
  const loaded = useAsync(() => (schoolId ? Promise.all([getMe(), getSchool(schoolId)]) : new Promise<never>(() => {})), [schoolId]);
  const [bound, setBound] = useState<boolean | null>(null);
  const [binding, setBinding] = useState(false);
  const [problem, setProblem] = useState('');

  if (loaded.status !== 'ready') return loaded.status === 'loading' ? loaded : { status: 'error', message: loaded.message };
  const [me, school] = loaded.data;
  const bind = async () => {
    setBinding(true);
    setProblem('');
    try {
      setBound(isBoundTo(await bindSchool(schoolId), schoolId));
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBinding(false);
    }
  };
  return {
    status: 'ready',
    name: school.name,
    bound: bound ?? isBoundTo(me, schoolId),
    binding,
    problem,
    bind,
    markUnbound: () => setBound(false),
  };
}
