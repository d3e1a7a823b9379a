import ExcelJS from 'exceljs';
import { IMPORT_FILE_BASE64_MAX } from '../../../../shared';
import { createCore } from '../../../src/core';
import { createLogger } from '../../../src/log/logger';
import { TestClient } from '../../../../tests/support/api-client';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { exampleRow, importBody, PLACE_META, PLACE_ROWS, type Row } from '../../../../tests/support/rotation';
import { testConfig } from '../../../../tests/support/test-config';

/** Imports through the API on DynamoDB Local: all or nothing, every bad cell reported. */
describe('rotation import', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let admin: TestClient;
  const meta = PLACE_META['own-district'];
  const batchCount = async () => (await core.infra.rotation.listBatchesOfDistrict('jinan-shizhong')).length;
  const upload = (rows: Row[]) => admin.call('POST', '/api/admin/rotation/batches/import', importBody(meta, rows));

  beforeAll(async () => {
    table = await createSeededTable('rotimport');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '1000' }), {
      logger: createLogger(undefined, 'silent'),
      now: () => new Date('2026-11-23T02:00:00Z'),
    });
    admin = new TestClient(core.app);
    await admin.devLogin('district_admin');
  });
  afterAll(() => table.drop());

  it('imports a good CSV as a draft with the default 公示期 of 5 working days', async () => {
    // Act
    const answer = await upload(PLACE_ROWS['own-district'](3));
    // Assess
    expect(answer.status).toBe(201);
    expect(answer.body.batch).toMatchObject({
      status: 'draft',
      noticeStart: '2026-11-23',
      noticeEnd: '2026-11-30',
      assignmentCount: 3,
      groupId: null,
    });
    const stored = await core.infra.rotation.listAssignments(answer.body.batch.id);
    expect(stored.map((a) => [a.teacherName, a.fromSchoolId, a.toSchoolId, a.type])).toEqual([
      ['育英教师1', 'jn-yuying-ms', 'jn-shiyan-jhs', '定期交流'],
      ['育英教师2', 'jn-yuying-ms', 'jn-shiyan-jhs', '定期交流'],
      ['育英教师3', 'jn-yuying-ms', 'jn-shiyan-jhs', '定期交流'],
    ]);
  });

  it('imports the downloaded XLSX template filled in, with schools by alias and months Excel turned into dates', async () => {
    // Prepare: the template as an admin would fill it in Excel.
    const template = await fetchTemplate('xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as never);
    const sheet = book.worksheets[0];
    sheet.addRow(['李华', '数学', '经八路小学', '济南市经纬小学', '支教', new Date(Date.UTC(2026, 8, 1)), '2029-08', '市级', '是']);
    const file = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    // Act
    const answer = await admin.call('POST', '/api/admin/rotation/batches/import', {
      meta: { ...meta, noticeEnd: '2026-12-04' },
      format: 'xlsx',
      file,
    });
    // Assess
    expect(answer.body.error).toBeUndefined();
    expect(answer.body.batch.noticeEnd).toBe('2026-12-04');
    const stored = await core.infra.rotation.listAssignments(answer.body.batch.id);
    expect(stored).toHaveLength(2);
    expect(stored[1]).toMatchObject({
      teacherName: '李华',
      fromSchoolId: 'jn-jingbalu-ps',
      fromSchoolName: '济南市经八路小学',
      startMonth: '2026-09',
      endMonth: '2029-08',
      backboneLevel: '市级',
      transferPersonnel: true,
    });
  });

  it.each<[string, Row, string, string]>([
    ['a missing teacher name', { teacherName: '' }, '教师姓名', '请填写教师姓名'],
    ['an ID number in the name', { teacherName: '张明370102199001011234' }, '教师姓名', '不得填写身份证号或手机号'],
    ['a phone number as subject', { subject: '13812345678' }, '学科', '不得填写身份证号或手机号'],
    ['an unknown school', { fromSchool: '不存在的学校' }, '原学校', '本区没有名为“不存在的学校”的学校'],
    ['a school of another district', { toSchool: '青岛启元学校' }, '交流学校', '本区没有名为“青岛启元学校”的学校'],
    ['the same school twice', { toSchool: '济南市经八路小学' }, '交流学校', '交流学校不能与原学校相同'],
    ['an unknown type', { type: '轮岗' }, '交流类型', '交流类型须为：定期交流、集团内交流、支教、走教、跨校区执教、跟岗学习'],
    ['a malformed month', { startMonth: '九月' }, '开始月份', '月份格式为 YYYY-MM'],
    ['an end before the start', { startMonth: '2026-09', endMonth: '2026-08' }, '结束月份', '结束月份须晚于开始月份'],
    ['less than a year', { startMonth: '2026-09', endMonth: '2027-06' }, '结束月份', '交流期限须为 1–6 年'],
    ['more than six years', { startMonth: '2026-09', endMonth: '2032-10' }, '结束月份', '交流期限须为 1–6 年'],
    ['an unknown 骨干 level', { backboneLevel: '校级' }, '骨干级别', '骨干级别须为：无、区级、市级、省级'],
    ['neither 是 nor 否', { transferPersonnel: 'Y' }, '是否调动人事关系', '是否调动人事关系须填“是”或“否”'],
  ])('refuses %s with its row, column and message, creating nothing', async (_kind, bad, column, message) => {
    // Prepare
    const before = await batchCount();
    // Act: the bad row is the third data row, spreadsheet row 4.
    const answer = await upload([
      exampleRow({ teacherName: '甲' }),
      exampleRow({ teacherName: '乙' }),
      exampleRow({ teacherName: '丙', ...bad }),
    ]);
    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 'IMPORT_INVALID',
      message: '导入未完成：1 行有错误，请修改后重新上传（本次未导入任何数据）',
    });
    expect(answer.body.error.details.issues).toEqual([{ row: 4, column, message }]);
    expect(await batchCount()).toBe(before);
  });

  it('reports every bad cell of every row, and a duplicate teacher by its first row', async () => {
    const answer = await upload([exampleRow(), exampleRow({ teacherName: '乙', subject: '', type: '' }), exampleRow()]);
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.issues).toEqual([
      { row: 3, column: '学科', message: '请填写学科' },
      { row: 3, column: '交流类型', message: '请填写交流类型' },
      { row: 4, column: '教师姓名', message: '与第 2 行重复：同一学校的同名教师在一个批次中只能出现一次' },
    ]);
  });

  it.each([
    ['an XLSX that is not a zip', 'xlsx', Buffer.from('not a spreadsheet at all'), 'IMPORT_UNREADABLE'],
    ['a truncated XLSX', 'xlsx', Buffer.from('PK\u0003\u0004garbage'), 'IMPORT_UNREADABLE'],
    ['a binary file sent as CSV', 'csv', Buffer.from([0, 1, 2, 0, 255, 254, 0]), 'IMPORT_UNREADABLE'],
    ['a CSV without the template header', 'csv', Buffer.from('姓名,学校\n张三,经八路小学\n'), 'IMPORT_BAD_HEADER'],
    [
      'a CSV with the header only',
      'csv',
      Buffer.from('教师姓名,学科,原学校,交流学校,交流类型,开始月份,结束月份,骨干级别,是否调动人事关系\n'),
      'IMPORT_EMPTY',
    ],
  ])('answers 400 for %s and creates nothing', async (_kind, format, file, code) => {
    const before = await batchCount();
    const answer = await admin.call('POST', '/api/admin/rotation/batches/import', { meta, format, file: file.toString('base64') });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe(code);
    expect(answer.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await batchCount()).toBe(before);
  });

  it('reads a GBK CSV as Excel in China saves it', async () => {
    const gbk = Buffer.from(
      'vczKptDVw/ss0ae/xizUrdGn0KMsvbvB99Gn0KMsvbvB98Dg0M0sv6rKvNTCt90sveHK+NTCt90suce4yby2sfAsyse38bX3tq/Iy8rCudjPtQ0K1cXD9yzT787ELLzDxM/K0L6tsMvCt9Ch0acsvMPEz8rQvq3Os9Ch0acsvK/NxcTavbvB9ywyMDI2LTA5LDIwMjgtMDgszt4st/ENCg==',
      'base64',
    );
    const answer = await admin.call('POST', '/api/admin/rotation/batches/import', { meta, format: 'csv', file: gbk.toString('base64') });
    expect(answer.status).toBe(201);
    expect((await core.infra.rotation.listAssignments(answer.body.batch.id))[0]).toMatchObject({ teacherName: '张明', subject: '语文' });
  });

  it('imports 5,000 rows in one request', async () => {
    // Prepare
    const rows = Array.from({ length: 5000 }, (_, i) =>
      exampleRow({ teacherName: `教师${i + 1}号`, backboneLevel: i % 5 === 0 ? '区级' : '无' }),
    );
    // Act
    const started = performance.now();
    const answer = await upload(rows);
    const ms = Math.round(performance.now() - started);
    // Assess: the figure is reported, not asserted (this machine is shared and noisy).
    expect(answer.status).toBe(201);
    expect(answer.body.batch.assignmentCount).toBe(5000);
    expect(await core.infra.rotation.listAssignments(answer.body.batch.id)).toHaveLength(5000);
    console.log(`rotation import: 5,000 rows in ${ms} ms`);
  });

  it('imports a 5,000-row XLSX in one request', async () => {
    // Prepare
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('交流轮岗');
    sheet.addRow(['教师姓名', '学科', '原学校', '交流学校', '交流类型', '开始月份', '结束月份', '骨干级别', '是否调动人事关系']);
    for (let i = 0; i < 5000; i++)
      sheet.addRow([
        `教师${i + 1}号`,
        '英语',
        '济南育英中学',
        '济南实验初级中学',
        '定期交流',
        '2026-09',
        '2029-08',
        i % 4 === 0 ? '省级' : '无',
        '否',
      ]);
    const file = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    // Act
    const started = performance.now();
    const answer = await admin.call('POST', '/api/admin/rotation/batches/import', { meta, format: 'xlsx', file });
    const ms = Math.round(performance.now() - started);
    // Assess
    expect(answer.status).toBe(201);
    expect(answer.body.batch.assignmentCount).toBe(5000);
    console.log(`rotation import: 5,000-row XLSX (${Math.round(file.length / 1024)} KB base64) in ${ms} ms`);
  });

  it('refuses a file over its cap with 文件过大, and a body far over it before parsing it (413)', async () => {
    // Prepare
    const before = await batchCount();
    const file = (length: number) => ({ meta, format: 'csv', file: 'A'.repeat(length) });
    // Act
    const longFile = await admin.call('POST', '/api/admin/rotation/batches/import', file(IMPORT_FILE_BASE64_MAX + 4));
    const hugeBody = await admin.call('POST', '/api/admin/rotation/batches/import', file(IMPORT_FILE_BASE64_MAX + 128 * 1024));
    // Assess
    expect(longFile).toMatchObject({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', details: [{ path: 'file', message: '文件过大' }] } },
    });
    expect(hugeBody).toMatchObject({
      status: 413,
      body: { error: { code: 'PAYLOAD_TOO_LARGE', message: '导入文件过大，请拆分文件后重新上传' } },
    });
    expect(await batchCount()).toBe(before);
  });

  it('refuses more than 5,000 rows', async () => {
    const answer = await upload(Array.from({ length: 5001 }, (_, i) => exampleRow({ teacherName: `教师${i + 1}号` })));
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'IMPORT_TOO_MANY_ROWS' } } });
  });

  async function fetchTemplate(format: 'xlsx' | 'csv'): Promise<Buffer> {
    const res = await core.app.request(`/api/rotation/template?format=${format}`);
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }

  it('serves the CSV template with the Chinese headers and an example row that imports as is', async () => {
    const csv = (await fetchTemplate('csv')).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF教师姓名,学科,原学校,交流学校,交流类型,开始月份,结束月份,骨干级别,是否调动人事关系');
    const answer = await admin.call('POST', '/api/admin/rotation/batches/import', {
      meta,
      format: 'csv',
      file: Buffer.from(csv).toString('base64'),
    });
    expect(answer.status).toBe(201);
  });
});
