import { createCore } from '../../../src/core';
import { createLogger } from '../../../src/log/logger';
import { TestClient } from '../../../../tests/support/api-client';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { exampleRow, importBody, PLACE_META, PLACE_ROWS } from '../../../../tests/support/rotation';
import { testConfig } from '../../../../tests/support/test-config';

/** A batch from draft to 公示中 to 已生效, withdrawal and correction, public views and 我的交流. */
describe('rotation batches', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let clock: Date;
  let admin: TestClient;
  const anonymous = () => new TestClient(core.app);
  const create = async (overrides = {}, rows = PLACE_ROWS['own-group'](2)) => {
    const answer = await admin.call(
      'POST',
      '/api/admin/rotation/batches/import',
      importBody({ ...PLACE_META['own-group'], ...overrides }, rows),
    );
    expect(answer.status).toBe(201);
    return answer.body.batch.id as string;
  };

  beforeAll(async () => {
    table = await createSeededTable('rotlife');
    clock = new Date('2026-11-23T02:00:00Z');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '1000' }), {
      logger: createLogger(undefined, 'silent'),
      now: () => clock,
    });
    admin = new TestClient(core.app);
    await admin.devLogin('district_admin');
  });
  afterAll(() => table.drop());
  beforeEach(() => {
    clock = new Date('2026-11-23T02:00:00Z');
  });

  it("uses the district's holidays for the default 公示期 end", async () => {
    // Prepare
    const settings = await admin.call('PUT', '/api/admin/districts/jinan-shizhong/rotation/settings', {
      holidays: ['2026-11-25', '2026-11-26'],
    });
    // Act
    const id = await create();
    // Assess
    expect(settings.body).toEqual({ rotatingPct: 10, backbonePct: 20, holidays: ['2026-11-25', '2026-11-26'], makeupWorkdays: [] });
    expect((await core.infra.rotation.getBatch(id))?.noticeEnd).toBe('2026-12-02');
    await admin.call('PUT', '/api/admin/districts/jinan-shizhong/rotation/settings', {});
  });

  it('reads the settings back, and counts a 调休 Saturday toward the 公示期', async () => {
    // Prepare
    const before = await admin.call('GET', '/api/admin/districts/jinan-shizhong/rotation/settings');
    await admin.call('PUT', '/api/admin/districts/jinan-shizhong/rotation/settings', {
      rotatingPct: 15,
      backbonePct: 30,
      makeupWorkdays: ['2026-11-28'],
    });
    // Act
    const after = await admin.call('GET', '/api/admin/districts/jinan-shizhong/rotation/settings');
    const id = await create();
    // Assess: Mon 23 + 5 working days (24–27, Sat 28) = Sat 28 instead of Mon 30.
    expect(before.body).toEqual({ rotatingPct: 10, backbonePct: 20, holidays: [], makeupWorkdays: [] });
    expect(after.body).toEqual({ rotatingPct: 15, backbonePct: 30, holidays: [], makeupWorkdays: ['2026-11-28'] });
    expect((await core.infra.rotation.getBatch(id))?.noticeEnd).toBe('2026-11-28');
    await admin.call('PUT', '/api/admin/districts/jinan-shizhong/rotation/settings', {});
  });

  it('hides a draft from the public, lets admins edit it, and publishes it with who and when', async () => {
    // Prepare
    const id = await create();
    // Act
    const hidden = await anonymous().call('GET', `/api/rotation/batches/${id}`);
    const edited = await admin.call('PUT', `/api/admin/rotation/batches/${id}`, {
      title: '经五集团 2026 学年交流轮岗',
      noticeStart: '2026-11-24',
    });
    const published = await admin.call('POST', `/api/admin/rotation/batches/${id}/publish`);
    const shown = await anonymous().call('GET', `/api/rotation/batches/${id}`);
    const editAfter = await admin.call('PUT', `/api/admin/rotation/batches/${id}`, { title: '改', noticeStart: '2026-11-24' });
    const detail = await admin.call('GET', `/api/admin/rotation/batches/${id}`);
    // Assess
    expect(hidden.status).toBe(404);
    expect(edited.body.batch).toMatchObject({ title: '经五集团 2026 学年交流轮岗', noticeStart: '2026-11-24', noticeEnd: '2026-12-01' });
    expect(published.body.batch.status).toBe('publicizing');
    expect(shown.body.batch).toMatchObject({ status: 'publicizing', title: '经五集团 2026 学年交流轮岗' });
    expect(shown.body.assignments.map((a: { teacherName: string }) => a.teacherName)).toEqual(['经五教师1', '经五教师2']);
    expect(editAfter).toMatchObject({ status: 409, body: { error: { code: 'BATCH_NOT_DRAFT' } } });
    expect(detail.body.history.map((h: { status: string; at: string }) => [h.status, h.at])).toEqual([
      ['draft', clock.toISOString()],
      ['published', clock.toISOString()],
    ]);
  });

  it('lists 公示中 and 已生效 batches for a district or a group, and takes effect after the 公示期', async () => {
    // Prepare
    const draft = await create({ title: '仍是草稿' });
    const id = await create({ title: '已发布' });
    await admin.call('POST', `/api/admin/rotation/batches/${id}/publish`);
    // Act
    const byGroup = await anonymous().call('GET', '/api/rotation/batches?groupId=jn-jingwu');
    const otherGroup = await anonymous().call('GET', '/api/rotation/batches?groupId=jn-yuying');
    clock = new Date('2026-12-01T02:00:00Z');
    const later = await anonymous().call('GET', '/api/rotation/batches?districtId=jinan-shizhong');
    const noScope = await anonymous().call('GET', '/api/rotation/batches');
    // Assess
    expect(byGroup.body.items.map((b: { id: string }) => b.id)).toContain(id);
    expect(byGroup.body.items.map((b: { id: string }) => b.id)).not.toContain(draft);
    expect(otherGroup.body.items).toEqual([]);
    expect(later.body.items.find((b: { id: string }) => b.id === id).status).toBe('effective');
    expect(noScope).toMatchObject({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: '请指定区县（districtId）或教育集团（groupId）' } },
    });
  });

  it('searches a notice by teacher name and by school name', async () => {
    // Prepare: district-wide, since one teacher goes to 育英, outside 经五.
    const id = await create(PLACE_META['own-district'], [
      exampleRow({ teacherName: '王芳' }),
      exampleRow({ teacherName: '李强', fromSchool: '济南市经纬小学', toSchool: '济南市经八路小学' }),
      exampleRow({ teacherName: '王伟', toSchool: '济南育英中学' }),
    ]);
    await admin.call('POST', `/api/admin/rotation/batches/${id}/publish`);
    const names = async (query: string) =>
      (await anonymous().call('GET', `/api/rotation/batches/${id}?${query}`)).body.assignments.map(
        (a: { teacherName: string }) => a.teacherName,
      );
    // Act + Assess
    expect(await names(`teacher=${encodeURIComponent('王')}`)).toEqual(['王芳', '王伟']);
    expect(await names(`school=${encodeURIComponent('育英')}`)).toEqual(['王伟']);
    expect(await names(`school=${encodeURIComponent('经纬')}&teacher=${encodeURIComponent('李')}`)).toEqual(['李强']);
  });

  it('withdraws inside the 公示期 only; a correction supersedes a published batch', async () => {
    // Prepare
    const first = await create({ title: '原批次' });
    await admin.call('POST', `/api/admin/rotation/batches/${first}/publish`);
    const toWithdraw = await create({ title: '撤回' });
    await admin.call('POST', `/api/admin/rotation/batches/${toWithdraw}/publish`);
    // Act
    const withdrawn = await admin.call('POST', `/api/admin/rotation/batches/${toWithdraw}/withdraw`);
    const correction = await create({ title: '更正批次', supersedes: first });
    const publishedFix = await admin.call('POST', `/api/admin/rotation/batches/${correction}/publish`);
    const secondFix = await admin.call(
      'POST',
      '/api/admin/rotation/batches/import',
      importBody({ ...PLACE_META['own-group'], supersedes: first }, PLACE_ROWS['own-group']()),
    );
    const districtWide = await create({ ...PLACE_META['own-district'], title: '全区批次' }, PLACE_ROWS['own-district']());
    await admin.call('POST', `/api/admin/rotation/batches/${districtWide}/publish`);
    const crossScope = await admin.call(
      'POST',
      '/api/admin/rotation/batches/import',
      importBody({ ...PLACE_META['own-group'], supersedes: districtWide }, PLACE_ROWS['own-group']()),
    );
    clock = new Date('2026-12-10T02:00:00Z');
    const lateAdmin = new TestClient(core.app);
    await lateAdmin.devLogin('district_admin');
    const tooLate = await lateAdmin.call('POST', `/api/admin/rotation/batches/${correction}/withdraw`);
    // Assess
    expect(withdrawn.body.batch.status).toBe('withdrawn');
    expect((await anonymous().call('GET', `/api/rotation/batches/${toWithdraw}`)).status).toBe(404);
    expect(publishedFix.status).toBe(200);
    expect((await core.infra.rotation.getBatch(first))?.supersededBy).toBe(correction);
    expect(secondFix).toMatchObject({ status: 409, body: { error: { code: 'CANNOT_SUPERSEDE' } } });
    expect(crossScope).toMatchObject({
      status: 409,
      body: { error: { code: 'CANNOT_SUPERSEDE', message: '只能更正同一范围内已发布且未被更正的批次' } },
    });
    expect(tooLate).toMatchObject({
      status: 409,
      body: { error: { code: 'CANNOT_WITHDRAW', message: '只能撤回草稿或公示期内的批次；已生效的批次请发布更正批次' } },
    });
  });

  it('refuses to publish once the 公示期 has passed', async () => {
    const id = await create({ noticeStart: '2026-11-02', noticeEnd: '2026-11-06' });
    const answer = await admin.call('POST', `/api/admin/rotation/batches/${id}/publish`);
    expect(answer).toMatchObject({ status: 409, body: { error: { code: 'NOTICE_PERIOD_PASSED' } } });
  });

  it("shows a bound teacher 我的交流 with the receiving school's group, and nothing of drafts or other people", async () => {
    // Prepare: the demo teacher is 演示教师 at 济南市经八路小学.
    const id = await create({}, [exampleRow({ teacherName: '演示教师' }), exampleRow({ teacherName: '别人' })]);
    await create({ ...PLACE_META['own-district'], title: '草稿中的交流' }, [
      exampleRow({ teacherName: '演示教师', toSchool: '济南育英中学' }),
    ]);
    await admin.call('POST', `/api/admin/rotation/batches/${id}/publish`);
    const teacher = new TestClient(core.app);
    await teacher.devLogin('teacher');
    const parent = new TestClient(core.app);
    await parent.devLogin('parent');
    // Act
    const mine = await teacher.call('GET', '/api/me/rotation');
    const parents = await parent.call('GET', '/api/me/rotation');
    // Assess
    expect(mine.body.teacherBound).toBe(true);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({
      teacherName: '演示教师',
      toSchool: { id: 'jn-jingwei-ps', name: '济南市经纬小学', address: null, groups: [{ id: 'jn-jingwu', name: '经五教育集团' }] },
      batch: { id, status: 'publicizing' },
    });
    expect(parents.body).toEqual({ teacherBound: false, items: [] });
  });

  it("lists every batch of the district for its admins, and a group's own batches for the group admin, drafts included", async () => {
    // Prepare
    const id = await create({ title: '管理员可见草稿' });
    const districtWide = await create({ ...PLACE_META['own-district'], title: '全区草稿' }, PLACE_ROWS['own-district']());
    const groupAdmin = new TestClient(core.app);
    await groupAdmin.devLogin('group_admin');
    // Act
    const list = await admin.call('GET', '/api/admin/districts/jinan-shizhong/rotation/batches');
    const groupList = await groupAdmin.call('GET', '/api/admin/groups/jn-jingwu/rotation/batches');
    const published = await groupAdmin.call('POST', `/api/admin/rotation/batches/${id}/publish`);
    const notTheirs = await groupAdmin.call('POST', `/api/admin/rotation/batches/${districtWide}/publish`);
    // Assess
    expect(list.body.items.find((b: { id: string }) => b.id === id)).toMatchObject({ status: 'draft', title: '管理员可见草稿' });
    expect(groupList.body.items.map((b: { id: string }) => b.id)).toContain(id);
    expect(groupList.body.items.map((b: { id: string }) => b.id)).not.toContain(districtWide);
    expect(published.body.batch.status).toBe('publicizing');
    expect(notTheirs.status).toBe(403);
  });
});
