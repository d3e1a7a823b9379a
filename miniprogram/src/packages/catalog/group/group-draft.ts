import type { AdminGroup, GroupCreateBody, GroupUpdateBody } from '../../../../../shared';

export interface GroupDraft {
  name: string;
  type: string;
  /** null: 共同发起. */
  leadSchoolId: string | null;
  partners: string;
  /** A new group's first members; an existing group's change by moves. */
  members: string[];
  fromTerm: string;
}

export const draftOf = (group: AdminGroup | null, fromTerm: string): GroupDraft => ({
  name: group?.name ?? '',
  type: group?.type ?? '',
  leadSchoolId: group?.leadSchoolId ?? null,
  partners: (group?.partners ?? []).join('、'),
  members: [],
  fromTerm,
});

const partnersOf = (text: string) =>
  text
    .split(/[、,，;；\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);

const fieldsOf = (d: GroupDraft) => ({ name: d.name, type: d.type, leadSchoolId: d.leadSchoolId, partners: partnersOf(d.partners) });

export const updateBodyOf = (d: GroupDraft, version: number): GroupUpdateBody => ({ ...fieldsOf(d), version });

/** The lead school joins as 牵头校, every other chosen school as 成员校. */
export const createBodyOf = (d: GroupDraft): GroupCreateBody => ({
  ...fieldsOf(d),
  fromTerm: d.fromTerm,
  members: d.members.map((schoolId) => ({ schoolId, role: schoolId === d.leadSchoolId ? 'lead' : 'member' })),
});

export const changed = (a: GroupDraft, b: GroupDraft) =>
  JSON.stringify([fieldsOf(a), a.members, a.fromTerm]) !== JSON.stringify([fieldsOf(b), b.members, b.fromTerm]);
