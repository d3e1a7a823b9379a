import type { Infrastructure } from '../../../infrastructure';

type Uses = Pick<Infrastructure, 'surveys' | 'rotation' | 'evaluations' | 'staff'>;

/**
 * AP84: what still names a school or group of a district, read before it is deleted (an
 * archive keeps it for these). Reads AP25 + AP28 (surveys and their counters), AP62 + AP63
 * (rotation batches and assignments) and the rounds of the district with AP36 (manual scores);
 * for a school also its teacher records (AP18: their invites and accounts name it) and its
 * eligible-teacher counts (AP127: the district's rotation shares count them). Answers the
 * reasons in the words the admin sees, empty when nothing does.
 */
export async function schoolInUse(infra: Uses, districtId: string, schoolId: string): Promise<string[]> {
  const [answered, rotated, scored, staffed, counted] = await Promise.all([
    someAsync(infra.surveys.listSurveysOfDistrict(districtId), async (s) =>
      (await infra.surveys.readCounters(s.id, s.shards)).has(schoolId),
    ),
    someAsync(infra.rotation.listBatchesOfDistrict(districtId), async (b) =>
      (await infra.rotation.listAssignments(b.id)).some((a) => a.fromSchoolId === schoolId || a.toSchoolId === schoolId),
    ),
    someAsync(infra.evaluations.listRoundsOfDistrict(districtId), async (r) =>
      (await infra.evaluations.listManualScores(r.id)).some((score) => score.schoolId === schoolId),
    ),
    infra.staff.listTeachersOfSchool(schoolId).then((teachers) => teachers.length > 0),
    infra.rotation.hasEligibleCounts(schoolId),
  ]);
  return reasons(
    [answered, '有问卷答卷'],
    [rotated, '有轮岗批次'],
    [scored, '有评估得分'],
    [staffed, '有教师名册'],
    [counted, '有应交流教师数'],
  );
}

/**
 * AP84 for a group: a survey whose audience names it, a rotation batch of the group, or a
 * locked round whose frozen report names it (an open round groups schools afresh each time).
 */
export async function groupInUse(infra: Uses, districtId: string, groupId: string): Promise<string[]> {
  const quoted = JSON.stringify(groupId);
  const [surveyed, rotated, reported] = await Promise.all([
    someAsync(infra.surveys.listSurveysOfDistrict(districtId), async (s) => s.definition.audience.groupIds.includes(groupId)),
    someAsync(infra.rotation.listBatchesOfDistrict(districtId), async (b) => b.groupId === groupId),
    someAsync(infra.evaluations.listRoundsOfDistrict(districtId), async (r) => {
      if (r.status !== 'locked') return false;
      const round = await infra.evaluations.getRound(r.id);
      return round?.lockedReport?.includes(quoted) ?? false;
    }),
  ]);
  return reasons([surveyed, '有问卷使用'], [rotated, '有轮岗批次'], [reported, '有评估得分']);
}

async function someAsync<T>(items: Promise<T[]>, test: (item: T) => Promise<boolean>): Promise<boolean> {
  return (await Promise.all((await items).map(test))).some(Boolean);
}

const reasons = (...checks: Array<[boolean, string]>) => checks.filter(([found]) => found).map(([, reason]) => reason);
