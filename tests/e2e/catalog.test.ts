import path from 'node:path';
import type { Page } from 'playwright-core';
import type { DistrictCatalog } from '../../shared';
import { DistrictWrites } from '../../functions/src/features/catalog/district-writes';
import { loadDivisions } from '../../functions/src/features/catalog/domain/divisions';
import { UserRepository } from '../../functions/src/features/identity/user-repository';
import { runAdminCommand } from '../../scripts/lib/admin-commands';
import { catalogCsv, type CatalogRowCells } from '../support/catalog-import';
import { h5Api, openH5, SHOTS, signInAs, type H5Session } from '../support/h5-session';
import { satisfactionAnswers, templateSurvey } from '../support/surveys';
import { TEST_SECRETS } from '../support/test-config';

/**
 * A district runs itself (issue 14): a district created with the admin CLI imports its catalogue
 * in the H5 app, moves a school to the other group from the next term and renames a group. When
 * the next term has come, a parent finds the school under its new group, while last term's
 * survey results still count it in the old one.
 */
jest.setTimeout(180_000);

const DISTRICT = 'cn-370102';
// The server's clock: today (2026—2027学年第一学期) until the test steps into the next term.
let clock = new Date();
const NEXT_TERM_DAY = new Date('2027-02-20T10:00:00+08:00');

const school = (name: string, groupName: string, role: string, families: string): CatalogRowCells => ({
  name,
  stage: '小学',
  address: `济南市历下区${name}路 1 号`,
  lat: '36.6612',
  lng: '117.0765',
  phone: '0531-86000000',
  students: '900',
  families,
  groupName,
  groupType: '融合型',
  role,
});

const CATALOG = [
  school('泉城一小', '泉城教育集团', '牵头校', '300'),
  school('泉城二小', '泉城教育集团', '成员校', '280'),
  school('泉城三小', '泉城教育集团', '成员校', '260'),
  school('燕山一小', '燕山教育集团', '牵头校', '320'),
  school('燕山二小', '燕山教育集团', '成员校', '240'),
  school('燕山三小', '燕山教育集团', '成员校', '220'),
];

describe('a new district runs its catalogue in the H5 app', () => {
  let h5: H5Session;
  let page: Page;
  let ids: { school: Record<string, string>; group: Record<string, string> };
  let surveyId: string;

  const api = (...args: Parameters<ReturnType<typeof h5Api>['api']>) => h5Api(h5).api(...args);
  const devLogin = async (body: object) => (await api('POST', '/auth/dev', body)).body as { token: string; expiresAt: string };
  const shoot = (name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true, animations: 'disabled' });
  const openCatalogAsAdmin = async () => {
    await signInAs(h5, await devLogin({ role: 'district_admin', districtId: DISTRICT }));
    await page.locator('#nav-catalog').click();
    await page.locator('#current-term').waitFor();
  };
  const readIds = async () => {
    const admin = await devLogin({ role: 'district_admin', districtId: DISTRICT });
    const { body } = await api('GET', `/admin/districts/${DISTRICT}/catalog`, undefined, admin.token);
    const catalog = body as DistrictCatalog;
    return {
      school: Object.fromEntries(catalog.schools.map((s) => [s.name, s.id])),
      group: Object.fromEntries(catalog.groups.map((g) => [g.name, g.id])),
    };
  };

  beforeAll(async () => {
    h5 = await openH5({ now: () => clock });
    page = h5.page;
  });
  afterAll(() => h5?.close());

  test('the platform admin creates 济南市历下区 from its division code with the CLI', async () => {
    // Prepare
    const printed: string[] = [];
    // Act
    const code = await runAdminCommand(['district', 'add', '370102'], {
      users: new UserRepository(h5.table.db, h5.table.tableName),
      catalog: h5.table.catalog,
      districts: new DistrictWrites(h5.table.db, h5.table.tableName),
      divisions: loadDivisions,
      catalogImport: () => {
        throw new Error('not used by district add');
      },
      readFile: () => Buffer.alloc(0),
      pseudonymSecret: TEST_SECRETS.PSEUDONYM_SECRET,
      now: () => clock,
      print: (line) => printed.push(line),
    });
    // Assess
    expect(code).toBe(0);
    expect(printed.join('\n')).toContain(DISTRICT);
    expect((await h5.table.catalog.getDistrict(DISTRICT))?.name).toBe('历下区');
  });

  test('its district admin imports 2 groups and 6 schools with addresses and 在校家庭数', async () => {
    // Prepare
    await openCatalogAsAdmin();
    expect(await page.locator('#current-term').textContent()).toContain('2026—2027学年第一学期');
    await page.locator('#open-import').click();
    await page.locator('#import-from-current').click();
    // Act
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#import-choose').click()]);
    await chooser.setFiles({ name: '历下区学校与集团.csv', mimeType: 'text/csv', buffer: catalogCsv(CATALOG) });
    await page.locator('#import-preview-button').click();
    await page.locator('#import-preview').waitFor();
    await shoot('catalog-import-preview.png');
    // Assess: the preview says what will change before anything is written.
    expect(await page.locator('#preview-groups-added').textContent()).toContain('2');
    expect(await page.locator('#preview-schools-added').textContent()).toContain('6');
    expect(await page.locator('.import-issue').count()).toBe(0);
    // Act
    await page.locator('#import-apply').click();
    await page.locator('#import-done').waitFor();
    // Assess
    ids = await readIds();
    expect(Object.keys(ids.school).sort()).toEqual(CATALOG.map((r) => r.name!).sort());
    expect(Object.keys(ids.group).sort()).toEqual(['泉城教育集团', '燕山教育集团']);
    const admin = await devLogin({ role: 'district_admin', districtId: DISTRICT });
    const enrolments = await api('GET', `/admin/districts/${DISTRICT}/enrollments`, undefined, admin.token);
    expect(enrolments.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ schoolId: ids.school['泉城三小'], families: 260 })]),
    );
  });

  test('parents answer this term’s survey: 5 at 泉城一小, 5 at 泉城三小, 5 at 燕山一小', async () => {
    // Prepare
    const admin = await devLogin({ role: 'district_admin', districtId: DISTRICT });
    const opensAt = new Date(clock.getTime() - 3600_000).toISOString();
    const closesAt = new Date(clock.getTime() + 120 * 86_400_000).toISOString();
    const created = await api(
      'POST',
      '/admin/surveys',
      { definition: templateSurvey({ districtId: DISTRICT }, { opensAt, closesAt }), minN: 5 },
      admin.token,
    );
    expect(created.status).toBe(201);
    surveyId = created.body.id;
    // Act
    let n = 0;
    for (const name of ['泉城一小', '泉城三小', '燕山一小']) {
      for (let i = 0; i < 5; i++) {
        const parent = await devLogin({ role: 'parent', schoolId: `catalog-e2e-parent-${n++}` });
        expect((await api('POST', '/me/schools', { schoolId: ids.school[name] }, parent.token)).status).toBe(200);
        const answered = await api(
          'POST',
          `/surveys/${surveyId}/responses`,
          { schoolId: ids.school[name], answers: satisfactionAnswers() },
          parent.token,
        );
        // Assess
        expect(answered.status).toBe(201);
      }
    }
  });

  test('the admin moves 泉城三小 to 燕山教育集团 from the next term; this term it stays in 泉城', async () => {
    // Prepare
    await openCatalogAsAdmin();
    await shoot('catalog-home-groups.png');
    await page.locator('#tab-schools').click();
    await shoot('catalog-home-schools.png');
    await page.locator(`#school-${ids.school['泉城三小']}`).click();
    await page.locator('#school-move').click();
    // Act
    await page.locator('#move-from-next').click();
    await page.locator(`#move-leave-${ids.group['泉城教育集团']}`).click();
    await page.locator(`#move-to-${ids.group['燕山教育集团']}`).click();
    await page.locator('#move-role-member').click();
    expect(await page.locator('#move-consequence').textContent()).toContain('2026—2027学年第一学期及以前仍计入原集团');
    await shoot('catalog-move.png');
    await page.locator('#move-submit').click();
    // The page goes back to the school once the move is stored.
    await page.waitForURL((url) => !url.hash.includes('/packages/catalog/move/'));
    // Assess: this term's public group page still lists it under 泉城.
    const quancheng = await api('GET', `/groups/${ids.group['泉城教育集团']}`);
    expect(quancheng.body.members.map((m: { name: string }) => m.name)).toContain('泉城三小');
  });

  test('the admin renames 燕山教育集团 to 燕山学区教育集团', async () => {
    // Prepare
    await openCatalogAsAdmin();
    await page.locator(`#group-${ids.group['燕山教育集团']}`).click();
    // Act
    await page.locator('#group-name input').fill('燕山学区教育集团');
    await page.locator('#group-save').click();
    await page.getByText('已保存', { exact: true }).first().waitFor();
    // Assess
    const yanshan = await api('GET', `/groups/${ids.group['燕山教育集团']}`);
    expect(yanshan.body.name).toBe('燕山学区教育集团');
  });

  test('next term, a parent finds 泉城三小 under 燕山学区教育集团', async () => {
    // Prepare: the next term has come.
    clock = NEXT_TERM_DAY;
    await signInAs(h5, await devLogin({ role: 'parent', schoolId: 'catalog-e2e-parent-next' }));
    // Act
    await page.locator(`#district-chip-${DISTRICT}`).click();
    await page.locator('#search-input input').fill('泉城三小');
    await page.locator('.school-item', { hasText: '泉城三小' }).click();
    const group = page.locator('.group-item', { hasText: '燕山学区教育集团' });
    await group.waitFor();
    await shoot('catalog-parent-next-term.png');
    // Assess
    expect(await page.locator('.group-item').allTextContents()).not.toEqual(
      expect.arrayContaining([expect.stringContaining('泉城教育集团')]),
    );
    await group.click();
    await page.locator('.member-item').first().waitFor();
    expect(await page.locator('.member-item__name').allTextContents()).toContain('泉城三小');
  });

  test('last term’s survey results still count 泉城三小 in 泉城教育集团', async () => {
    // Prepare
    await signInAs(h5, await devLogin({ role: 'district_admin', districtId: DISTRICT }));
    // Act
    await page.goto(`${h5.url}/#/packages/survey/results/index?id=${surveyId}`);
    const quancheng = page.locator(`#responses-${ids.group['泉城教育集团']}`);
    await quancheng.waitFor();
    await shoot('catalog-last-term-results.png');
    // Assess: 10 answers in 泉城 (一小 and 三小), 5 in the renamed 燕山 group, as the term they were given in grouped them.
    expect(await quancheng.textContent()).toBe('答卷 10 份');
    expect(await page.locator(`#responses-${ids.group['燕山教育集团']}`).textContent()).toBe('答卷 5 份');
    expect(await page.locator('.unit--group').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('燕山学区教育集团')]),
    );
  });
});
