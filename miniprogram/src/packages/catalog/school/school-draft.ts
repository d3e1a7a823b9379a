import type { AdminSchool, CampusesBody, SchoolFields, Stage } from '../../../../../shared';

/** The form as typed: text, so a half-typed number is kept and the server judges what is sent. */
export interface SchoolDraft {
  name: string;
  stage: Stage | '';
  aliases: string;
  address: string;
  lat: string;
  lng: string;
  phone: string;
  intro: string;
  students: string;
  campuses: Array<{ id?: string; name: string; address: string }>;
}

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export function draftOf(school: AdminSchool | null): SchoolDraft {
  return {
    name: text(school?.name),
    stage: school?.stage ?? '',
    aliases: (school?.aliases ?? []).join('、'),
    address: text(school?.address),
    lat: text(school?.location?.lat),
    lng: text(school?.location?.lng),
    phone: text(school?.phone),
    intro: text(school?.intro),
    students: text(school?.students),
    campuses: (school?.campuses ?? []).map((c) => ({ id: c.id, name: c.name, address: text(c.address) })),
  };
}

const optional = (value: string) => value.trim() || undefined;
// Not a number stays not a number (NaN is sent as null): the server's message names the field.
const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value.trim()));

/** The body of a create or update: an empty optional field is left out, which clears it. */
export function fieldsOf(draft: SchoolDraft): SchoolFields {
  const located = draft.lat.trim() !== '' || draft.lng.trim() !== '';
  return {
    name: draft.name,
    // An empty stage is sent as missing: the server answers 请选择学段 beside the picker.
    stage: (draft.stage || undefined) as Stage,
    aliases: draft.aliases
      .split(/[、,，;；\s]+/)
      .map((a) => a.trim())
      .filter(Boolean),
    address: optional(draft.address),
    location: located ? { lat: number(draft.lat), lng: number(draft.lng) } : undefined,
    phone: optional(draft.phone),
    intro: optional(draft.intro),
    students: draft.students.trim() === '' ? undefined : number(draft.students),
  };
}

export function campusesOf(draft: SchoolDraft): CampusesBody['campuses'] {
  return draft.campuses.map((c) => ({ ...(c.id ? { id: c.id } : {}), name: c.name, address: optional(c.address) }));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
export const fieldsChanged = (a: SchoolDraft, b: SchoolDraft) => !same(fieldsOf(a), fieldsOf(b));
export const campusesChanged = (a: SchoolDraft, b: SchoolDraft) => !same(campusesOf(a), campusesOf(b));
