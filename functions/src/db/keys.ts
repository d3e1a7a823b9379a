/**
 * Named key builders (electrodb style): every pk/sk/gsi key in the table is made here and only
 * here. docs/data-model.md lists the access patterns that use them.
 */
export const keys = {
  districtList: () => ({ gsi1pk: 'DISTRICTS' }),
  district: (districtId: string) => ({ pk: `DISTRICT#${districtId}`, sk: 'META' }),
  districtIndex: (districtId: string) => ({ gsi1pk: 'DISTRICTS', gsi1sk: `DISTRICT#${districtId}` }),

  group: (groupId: string) => ({ pk: `GROUP#${groupId}`, sk: 'META' }),
  groupPartition: (groupId: string) => ({ pk: `GROUP#${groupId}` }),
  /** Groups of a district share the district's gsi1 partition with its schools. */
  groupInDistrict: (districtId: string, groupId: string) => ({ gsi1pk: `DISTRICT#${districtId}`, gsi1sk: `GROUP#${groupId}` }),

  school: (schoolId: string) => ({ pk: `SCHOOL#${schoolId}`, sk: 'META' }),
  schoolPartition: (schoolId: string) => ({ pk: `SCHOOL#${schoolId}` }),
  schoolInDistrict: (districtId: string, schoolId: string) => ({ gsi1pk: `DISTRICT#${districtId}`, gsi1sk: `SCHOOL#${schoolId}` }),
  campus: (schoolId: string, campusId: string) => ({ pk: `SCHOOL#${schoolId}`, sk: `CAMPUS#${campusId}` }),

  /**
   * A membership is read from the group (pk), from the school (gsi1) and per district (gsi2).
   * One item per dated period: a period from a term carries the term in its keys, so a school
   * that leaves a group and rejoins later has two items; the undated period (the seed's, from
   * before the platform's records) keeps the keys it always had.
   */
  membership: (groupId: string, schoolId: string, districtId: string, fromTerm?: string) => {
    const period = fromTerm === undefined ? '' : `#${fromTerm}`;
    return {
      pk: `GROUP#${groupId}`,
      sk: `MEMBER#${schoolId}${period}`,
      gsi1pk: `SCHOOL#${schoolId}`,
      gsi1sk: `GROUP#${groupId}${period}`,
      gsi2pk: `DISTRICT#${districtId}`,
      gsi2sk: `MEMBER#${groupId}#${schoolId}${period}`,
    };
  },

  /** Everything tied to one user (pseudonymous key) lives in one partition, so it can all be deleted. */
  userPartition: (userKey: string) => ({ pk: `USER#${userKey}` }),
  /** The pseudonym of a user partition's pk. */
  userKeyOf: (pk: string) => pk.slice('USER#'.length),
  grant: (userKey: string, role: string, scopeType: string, scopeId: string) => ({
    pk: `USER#${userKey}`,
    sk: `ROLE#${role}#${scopeType}#${scopeId}`,
    gsi1pk: 'GRANTS',
    gsi1sk: `${role}#${scopeType}#${scopeId}#${userKey}`,
  }),
  grantsIndex: () => ({ gsi1pk: 'GRANTS' }),
  schoolBinding: (userKey: string, schoolId: string) => ({ pk: `USER#${userKey}`, sk: `SCHOOL#${schoolId}` }),
  teacherBinding: (userKey: string, teacherId: string) => ({ pk: `USER#${userKey}`, sk: `TEACHER#${teacherId}` }),
  session: (userKey: string, sessionId: string) => ({ pk: `USER#${userKey}`, sk: `SESSION#${sessionId}` }),

  teacher: (teacherId: string) => ({ pk: `TEACHER#${teacherId}`, sk: 'META' }),
  teacherInSchool: (schoolId: string, teacherId: string) => ({ gsi1pk: `SCHOOL#${schoolId}`, gsi1sk: `TEACHER#${teacherId}` }),
  invite: (inviteId: string) => ({ pk: `INVITE#${inviteId}`, sk: 'META' }),
  /** Its own partition per user and bucket: the hottest item a user writes. */
  rateBucket: (userKey: string, bucket: string) => ({ pk: `RATE#${userKey}#${bucket}`, sk: 'META' }),

  survey: (surveyId: string) => ({ pk: `SURVEY#${surveyId}`, sk: 'META' }),
  surveyInDistrict: (districtId: string, surveyId: string) => ({ gsi1pk: `DISTRICT#${districtId}`, gsi1sk: `SURVEY#${surveyId}` }),
  /** One-response-per-user marker: HMAC only, nothing else in the item. */
  vote: (marker: string) => ({ pk: `VOTE#${marker}`, sk: 'META' }),
  /** Responses and counters are spread over N shard partitions per survey (write throughput). */
  responseShard: (surveyId: string, shard: number) => ({ pk: `SURVEY#${surveyId}#R#${shard}` }),
  response: (surveyId: string, shard: number, responseId: string) => ({ pk: `SURVEY#${surveyId}#R#${shard}`, sk: responseId }),
  counterShard: (surveyId: string, shard: number) => ({ pk: `SURVEY#${surveyId}#C#${shard}` }),
  counter: (surveyId: string, shard: number, schoolId: string, name: string) => ({
    pk: `SURVEY#${surveyId}#C#${shard}`,
    sk: `${schoolId}#${name}`,
  }),
  enrollment: (schoolId: string) => ({ pk: `SCHOOL#${schoolId}`, sk: 'ENROLLMENT' }),
  /** A district's survey settings (AP53): which options count as 认可. */
  surveySettings: (districtId: string) => ({ pk: `DISTRICT#${districtId}`, sk: 'SURVEY_SETTINGS' }),
  /** The published snapshot of a survey's counters and its audited suppression plan (one item). */
  surveyPublication: (surveyId: string) => ({ pk: `SURVEY#${surveyId}`, sk: 'PUBLICATION' }),
  /** A survey link's short code (AP97): the `scene` a mini-program code carries, naming a survey and a school. */
  surveyScene: (code: string) => ({ pk: `SCENE#${code}`, sk: 'META' }),

  round: (roundId: string) => ({ pk: `ROUND#${roundId}`, sk: 'META' }),
  roundInDistrict: (districtId: string, roundId: string) => ({ gsi1pk: `DISTRICT#${districtId}`, gsi1sk: `ROUND#${roundId}` }),
  manualScore: (roundId: string, schoolId: string, dimensionId: string, indicatorId: string) => ({
    pk: `ROUND#${roundId}`,
    sk: `SCORE#${schoolId}#${dimensionId}#${indicatorId}`,
  }),

  /** Group news (issue 6): the item, its edit history and its read counter share the item's partition. */
  news: (newsId: string) => ({ pk: `NEWS#${newsId}`, sk: 'META' }),
  newsPartition: (newsId: string) => ({ pk: `NEWS#${newsId}` }),
  /** Readers' index: only published items carry it; pinned (1) sort above the rest (0), then newest first. */
  newsInGroupFeed: (groupId: string, pinned: boolean, publishAt: string, newsId: string) => ({
    gsi1pk: `GROUP#${groupId}#NEWS`,
    gsi1sk: `${pinned ? 1 : 0}#${publishAt}#${newsId}`,
  }),
  newsFeedPartition: (groupId: string) => `GROUP#${groupId}#NEWS`,
  /** Admins' index: every status, most recently changed first. */
  newsInGroupAdmin: (groupId: string, updatedAt: string, newsId: string) => ({
    gsi2pk: `GROUP#${groupId}#NEWSADMIN`,
    gsi2sk: `${updatedAt}#${newsId}`,
  }),
  newsAdminPartition: (groupId: string) => `GROUP#${groupId}#NEWSADMIN`,
  /** Zero-padded version: the history sorts in edit order. */
  newsEdit: (newsId: string, version: number) => ({ pk: `NEWS#${newsId}`, sk: `EDIT#${String(version).padStart(6, '0')}` }),
  /**
   * A reader's news state gets its own partition beside USER#: AP11 reads the whole USER#
   * partition on every request, and read markers grow with every item opened. DELETE /api/me
   * removes this partition too (AP51).
   */
  userNewsPartition: (userKey: string) => ({ pk: `USERNEWS#${userKey}` }),
  newsRead: (userKey: string, newsId: string) => ({ pk: `USERNEWS#${userKey}`, sk: `READ#${newsId}` }),
  /** One-time notification consent; holds the openid WeChat needs to deliver, and is deleted when used. */
  newsSubscription: (userKey: string, groupId: string, subscriptionId: string, createdAt: string) => ({
    pk: `USERNEWS#${userKey}`,
    sk: `SUB#${groupId}#${subscriptionId}`,
    gsi1pk: `GROUP#${groupId}#NEWSSUB`,
    gsi1sk: `${createdAt}#${subscriptionId}`,
  }),
  newsSubscriptionPartition: (groupId: string) => `GROUP#${groupId}#NEWSSUB`,
  /**
   * A one-time consent to one reminder of a survey (issue 15): holds the openid WeChat needs and
   * is deleted when used. It lives in the USERNEWS# partition beside the news consents, so
   * DELETE /api/me removes it with them (AP51); one per user and survey.
   */
  reminderConsent: (userKey: string, surveyId: string, createdAt: string) => ({
    pk: `USERNEWS#${userKey}`,
    sk: `REMIND#${surveyId}`,
    gsi1pk: `SURVEY#${surveyId}#REMIND`,
    gsi1sk: `${createdAt}#${userKey}`,
  }),
  reminderConsentPartition: (surveyId: string) => `SURVEY#${surveyId}#REMIND`,
  /** Teacher rotation (issue 7): a batch's partition holds its assignments and objections. */
  rotationBatch: (batchId: string) => ({ pk: `ROTATION#${batchId}`, sk: 'META' }),
  rotationBatchInDistrict: (districtId: string, batchId: string) => ({ gsi1pk: `DISTRICT#${districtId}`, gsi1sk: `ROTATION#${batchId}` }),
  rotationBatchPartition: (batchId: string) => ({ pk: `ROTATION#${batchId}` }),
  /** Also indexed by sending school + teacher name: how a bound teacher finds 我的交流 (no ID numbers exist to match on). */
  rotationAssignment: (batchId: string, assignmentId: string, fromSchoolId: string, teacherName: string) => ({
    pk: `ROTATION#${batchId}`,
    sk: `ASSIGN#${assignmentId}`,
    gsi2pk: `ROTATEE#${fromSchoolId}#${teacherName}`,
    gsi2sk: `ROTATION#${batchId}#${assignmentId}`,
  }),
  rotateeIndex: (schoolId: string, teacherName: string) => ({ gsi2pk: `ROTATEE#${schoolId}#${teacherName}` }),
  rotationObjection: (batchId: string, objectionId: string) => ({ pk: `ROTATION#${batchId}`, sk: `OBJECTION#${objectionId}` }),
  eligibleTeachers: (schoolId: string, schoolYear: string, districtId: string) => ({
    pk: `SCHOOL#${schoolId}`,
    sk: `ELIGIBLE#${schoolYear}`,
    gsi1pk: `DISTRICT#${districtId}`,
    gsi1sk: `ELIGIBLE#${schoolYear}#${schoolId}`,
  }),
  rotationSettings: (districtId: string) => ({ pk: `DISTRICT#${districtId}`, sk: 'ROTATION_SETTINGS' }),
  /** Which catalogue snapshot is current (AP70/AP71): one item, read by every container on its TTL. */
  catalogSnapshot: () => ({ pk: 'CATALOG#SNAPSHOT', sk: 'META' }),

  prefix: {
    round: 'ROUND#',
    rotation: 'ROTATION#',
    assignment: 'ASSIGN#',
    objection: 'OBJECTION#',
    eligible: (schoolYear: string) => `ELIGIBLE#${schoolYear}#`,
    /** The sort keys of a school's eligible-teacher counts, whatever the school year. */
    eligibleOfAnyYear: 'ELIGIBLE#',
    score: 'SCORE#',
    survey: 'SURVEY#',
    group: 'GROUP#',
    school: 'SCHOOL#',
    member: 'MEMBER#',
    campus: 'CAMPUS#',
    teacher: 'TEACHER#',
    role: 'ROLE#',
    session: 'SESSION#',
    meta: 'META',
    newsEdit: 'EDIT#',
    /** A read marker's sort key is this and the news id. */
    newsRead: 'READ#',
    /** A user's consents for one group, in their USERNEWS# partition. */
    newsSubscription: (groupId: string) => `SUB#${groupId}#`,
  },
  districtPartition: (districtId: string) => `DISTRICT#${districtId}`,
  schoolGsiPartition: (schoolId: string) => `SCHOOL#${schoolId}`,
  /** A survey draft (AP110-AP114): its own partition, listed per district (gsi1) and, for a group's, per group (gsi2). */
  surveyDraft: (draftId: string) => ({ pk: `SURVEYDRAFT#${draftId}`, sk: 'META' }),
  surveyDraftIndexes: (draftId: string, districtId: string, owner: { type: 'district' | 'group'; id: string }, updatedAt: string) => ({
    gsi1pk: `DISTRICT#${districtId}#SURVEYDRAFTS`,
    gsi1sk: `${updatedAt}#${draftId}`,
    ...(owner.type === 'group' ? { gsi2pk: `GROUP#${owner.id}#SURVEYDRAFTS`, gsi2sk: `${updatedAt}#${draftId}` } : {}),
  }),
  surveyDraftsOfDistrict: (districtId: string) => `DISTRICT#${districtId}#SURVEYDRAFTS`,
  surveyDraftsOfGroup: (groupId: string) => `GROUP#${groupId}#SURVEYDRAFTS`,
  /** A district's saved indicator system (AP121/AP122): keyed by its name, so a name is used once. */
  indicatorSystem: (districtId: string, name: string) => ({ pk: `DISTRICT#${districtId}`, sk: `ISYSTEM#${name}` }),
  indicatorSystemPrefix: 'ISYSTEM#',
} as const;

export type ItemType = 'district' | 'group' | 'school' | 'campus' | 'membership';
