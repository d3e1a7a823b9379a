/**
 * Column headers of the catalogue import/export sheet, in file order (the template, the
 * export and the parser share them; docs/catalogue.md "Import and export"). One row per school
 * and group it belongs to: a school in two groups takes two rows whose school columns agree.
 * Group columns (集团类型, 共同发起, 合作单位) may be given on any row of the group.
 * `required` columns are marked * in the template's header; the parser accepts both forms.
 */
export const CATALOG_COLUMNS = [
  { key: 'schoolId', header: '学校编号', example: '', required: false },
  { key: 'name', header: '学校名称', example: '济南市经五路小学', required: true },
  { key: 'stage', header: '学段', example: '小学', required: true },
  { key: 'aliases', header: '别名', example: '经五路小学、经五小', required: false },
  { key: 'address', header: '地址', example: '济南市市中区经五路 100 号', required: false },
  { key: 'lat', header: '纬度', example: '36.6583', required: false },
  { key: 'lng', header: '经度', example: '116.9932', required: false },
  { key: 'phone', header: '电话', example: '0531-86012345', required: false },
  { key: 'intro', header: '简介', example: '', required: false },
  { key: 'students', header: '学生数', example: '1200', required: false },
  { key: 'families', header: '在校家庭数', example: '1100', required: false },
  { key: 'groupId', header: '集团编号', example: '', required: false },
  { key: 'groupName', header: '所属集团', example: '经五教育集团', required: false },
  { key: 'groupType', header: '集团类型', example: '1+X', required: false },
  { key: 'role', header: '集团角色', example: '牵头校', required: false },
  { key: 'jointly', header: '共同发起', example: '否', required: false },
  { key: 'partners', header: '合作单位', example: '', required: false },
  { key: 'campuses', header: '校区', example: '本部、南校区', required: false },
] as const;
export type CatalogColumnKey = (typeof CATALOG_COLUMNS)[number]['key'];

/** Lists inside one cell (别名, 合作单位, 校区) are separated by 、 (a full-width comma or ; is read too). */
export const CELL_LIST_SEPARATOR = '、';

/** The most rows one catalogue import takes (5,000 schools, some of them in two groups). */
export const CATALOG_IMPORT_MAX_ROWS = 10_000;

/**
 * The longest file the catalogue import takes, in base64 characters (≈ 3.7 MB of spreadsheet).
 * Lambda's synchronous invocation payload is at most 6 MB (6,291,456 bytes) for the whole
 * event (body, headers, request context), so the rotation import's 8,000,000 does not fit; this
 * leaves about 1.2 MB for the rest. A 5,000-school CSV is ≈ 1.3 MB of base64 (docs).
 */
export const CATALOG_IMPORT_FILE_BASE64_MAX = 5_000_000;
