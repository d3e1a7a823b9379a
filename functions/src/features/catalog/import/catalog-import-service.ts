import {
  BUILTIN_GROUP_TYPES,
  CATALOG_COLUMNS,
  CATALOG_IMPORT_MAX_ROWS,
  CELL_LIST_SEPARATOR,
  MEMBER_ROLE_LABELS,
  termOf,
  type CatalogImportBody,
  type CatalogImportPreview,
  type TermId,
} from '../../../../../shared';
import { NotFoundError } from '../../../errors';
import type { Infrastructure } from '../../../infrastructure';
import { namedRows, readTable, writeTable, type SpreadsheetFormat } from '../../../spreadsheet/read-table';
import { newId } from '../../identity/domain/invite-codes';
import type { CampusItem, DistrictItem } from '../catalog-items';
import { publishCatalog } from '../catalog-snapshots';
import { periodsAt } from '../domain/membership-periods';
import { staleVersion } from '../admin/catalog-admin-rules';
import { catalogBasis } from './import-basis';
import { planImport, type CurrentCatalog } from './import-plan';
import { validateCatalogRows, type CatalogRow } from './import-rows';
import { inFlight } from '../../../in-flight';

type Deps = Pick<Infrastructure, 'catalog' | 'surveys' | 'catalogImportWrites' | 'catalogWrites' | 'now'>;
export type Progress = (written: number, total: number) => void;

/** How many per-school reads (campuses) run at once: enough to hide latency, few enough not to throttle. */
const READ_CONCURRENCY = 16;
const SHEET_NAME = '学校目录';

/**
 * The catalogue's spreadsheet (docs/catalogue.md "Import and export"): the template, the
 * import (preview, then apply: all or nothing) and the export, which an import of the same
 * term reads back as no change.
 */
export class CatalogImportService {
  constructor(private readonly deps: Deps) {}

  /**
   * Reads and checks the whole file, compares it with the district as stored and, with
   * `apply` and no errors, writes the difference and publishes the catalogue.
   */
  importFile(districtId: string, body: CatalogImportBody): Promise<CatalogImportPreview> {
    return this.importBuffer(districtId, body.format, Buffer.from(body.file, 'base64'), body);
  }

  /** The same for a file read from disk (npm run admin -- catalog import), with the writes' progress. */
  async importBuffer(
    districtId: string,
    format: SpreadsheetFormat,
    file: Buffer,
    options: { fromTerm: TermId; apply: boolean; basis?: string },
    onProgress?: Progress,
  ): Promise<CatalogImportPreview> {
    const rows = namedRows(await readTable(format, file, CATALOG_IMPORT_MAX_ROWS), CATALOG_COLUMNS, CATALOG_IMPORT_MAX_ROWS);
    return this.importRows(districtId, rows, options, onProgress);
  }

  private async importRows(
    districtId: string,
    rows: CatalogRow[],
    options: { fromTerm: TermId; apply: boolean; basis?: string },
    onProgress?: Progress,
  ): Promise<CatalogImportPreview> {
    const district = await this.district(districtId);
    const [schools, groups, periods] = await Promise.all([
      this.deps.catalog.listSchoolsOfDistrict(districtId),
      this.deps.catalog.listGroupsOfDistrict(districtId),
      this.deps.catalog.allPeriodsOfDistrict(districtId),
    ]);
    const basis = catalogBasis({ district, schools, groups, periods });
    const groupTypes = [...BUILTIN_GROUP_TYPES, ...(district.groupTypes ?? [])];
    const desired = validateCatalogRows(rows, { schools, groups, groupTypes });
    const preview = (applied: boolean, plan?: ReturnType<typeof planImport>): CatalogImportPreview => ({
      applied,
      basis,
      rows: rows.length,
      errors: [...desired.issues, ...(plan?.issues ?? [])].sort((a, b) => a.row - b.row),
      changes: plan?.changes ?? { groupsAdded: [], groupsChanged: [], schoolsAdded: [], schoolsChanged: [], moves: [], enrollmentsSet: 0 },
    });
    if (desired.issues.length > 0) return preview(false);

    const existing = desired.schools.flatMap((s) => (s.id === null ? [] : [s.id]));
    const [campuses, families] = await Promise.all([this.campusesOf(existing), this.deps.surveys.enrollmentsOf(existing)]);
    const current: CurrentCatalog = {
      district,
      schools,
      groups,
      periods,
      campuses,
      families: new Map([...families].map(([id, e]) => [id, e.families])),
    };
    const now = this.deps.now();
    const plan = planImport(desired, current, { fromTerm: options.fromTerm, earliest: termOf(now), at: now.toISOString(), newId });
    if (plan.issues.length > 0 || !options.apply) return preview(false, plan);
    // Changed since the preview the admin confirmed: preview again rather than undo that edit.
    if (options.basis !== undefined && options.basis !== basis) throw staleVersion();
    // The groups and schools it changes, each on the version just read (an edit landing in
    // between fails the whole first transaction, and nothing is written).
    if (!(await this.deps.catalogWrites.putMetasAt(plan.guarded))) throw staleVersion();
    await this.deps.catalogImportWrites.write(plan.puts, plan.deletes, onProgress);
    if (plan.guarded.length + plan.puts.length + plan.deletes.length > 0) await publishCatalog(this.deps.catalog);
    return preview(true, plan);
  }

  /** The template: headers (required ones marked *) and one example row. */
  template(format: SpreadsheetFormat): Promise<Buffer> {
    return writeTable(format, SHEET_NAME, [
      CATALOG_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header)),
      CATALOG_COLUMNS.map((c) => c.example),
    ]);
  }

  /**
   * The district's schools in use (archived ones left out: an import never touches a school it
   * does not name) with their memberships in force at `term` (default: today's), one row per
   * school and group, every id filled in so the file can be edited and imported back.
   */
  async exportSheet(districtId: string, format: SpreadsheetFormat, term?: TermId): Promise<Buffer> {
    await this.district(districtId);
    const at = term ?? termOf(this.deps.now());
    const [schools, groups, periods] = await Promise.all([
      this.deps.catalog.listSchoolsOfDistrict(districtId),
      this.deps.catalog.listGroupsOfDistrict(districtId),
      this.deps.catalog.allPeriodsOfDistrict(districtId),
    ]);
    const inUse = schools.filter((s) => !s.archivedAt).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    const ids = inUse.map((s) => s.id);
    const [campuses, families] = await Promise.all([this.campusesOf(ids), this.deps.surveys.enrollmentsOf(ids)]);
    const groupById = new Map(groups.map((g) => [g.id, g]));
    const list = (items: string[]) => items.join(CELL_LIST_SEPARATOR);
    const text = (value: number | string | undefined) => (value === undefined ? '' : String(value));
    const rows = inUse.flatMap((s) => {
      const school = [
        s.id,
        s.name,
        s.stage,
        list(s.aliases),
        text(s.address),
        text(s.location?.lat),
        text(s.location?.lng),
        text(s.phone),
        text(s.intro),
        text(s.students),
        text(families.get(s.id)?.families),
      ];
      const campusNames = list((campuses.get(s.id) ?? []).map((c) => c.name));
      const memberships = periodsAt(
        periods.filter((p) => p.schoolId === s.id && groupById.has(p.groupId)),
        at,
      );
      if (memberships.length === 0) return [[...school, '', '', '', '', '', '', campusNames]];
      return memberships.map((m) => {
        const g = groupById.get(m.groupId)!;
        return [
          ...school,
          g.id,
          g.name,
          g.groupType,
          MEMBER_ROLE_LABELS[m.role],
          g.leadSchoolId === null ? '是' : '否',
          list(g.partners),
          campusNames,
        ];
      });
    });
    return writeTable(format, SHEET_NAME, [CATALOG_COLUMNS.map((c) => c.header), ...rows]);
  }

  private async district(districtId: string): Promise<DistrictItem> {
    const district = await this.deps.catalog.getDistrict(districtId);
    if (!district) throw new NotFoundError('未找到该区县');
    return district;
  }

  /** AP5 per school, READ_CONCURRENCY at a time: campuses live in their school's partition. */
  private async campusesOf(schoolIds: string[]): Promise<Map<string, CampusItem[]>> {
    const found = new Map<string, CampusItem[]>();
    const readOne = (id: string) => async () => {
      const entry = await this.deps.catalog.getSchoolWithCampuses(id);
      if (entry && entry.campuses.length > 0) found.set(id, entry.campuses);
    };
    await inFlight(schoolIds.map(readOne), READ_CONCURRENCY);
    return found;
  }
}
