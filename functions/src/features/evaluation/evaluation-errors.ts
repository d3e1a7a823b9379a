import type { RoundCoverage } from '../../../../shared';
import { ApiError, ConflictError, NotFoundError, ValidationError } from '../../errors';

export interface FieldIssue {
  path: string;
  message: string;
}

/** zod's own messages are English; the schema's own (weights, ids, surveys) are Chinese and say what to fix. */
const reasonOf = (message: string) => (/\p{Script=Han}/u.test(message) ? message : '缺失或格式不正确');
const FIELDS_NAMED = 5;
const depth = (path: string) => path.split('.').length;

/**
 * An indicator system that does not validate. The message names the failing fields by their
 * path in the request body, deepest first: that is where a structure broke
 * (`system.dimensions.0.indicators.0.source` rather than the dimension around it).
 */
export class InvalidSystemError extends ValidationError {
  constructor(issues: FieldIssue[]) {
    const first = new Map<string, FieldIssue>();
    for (const issue of issues) if (!first.has(issue.path)) first.set(issue.path, issue);
    const fields = [...first.values()].sort((a, b) => depth(b.path) - depth(a.path));
    const named = fields.slice(0, FIELDS_NAMED).map((i) => `${i.path}（${reasonOf(i.message)}）`);
    const more = fields.length > FIELDS_NAMED ? ` 等 ${fields.length} 处` : '';
    super(`指标体系不完整：${named.join('；')}${more}`, issues, 'INVALID_SYSTEM');
  }
}

/**
 * A round reads only its own district's surveys and previous round. An id of another district
 * (or of nothing) is a mistake in the request, not a matter of scope: an admin of two
 * districts may read both, yet one district's round must not rank on another's data. Hence a
 * 400 with the field, rather than the 403 FORBIDDEN_REFERENCE of the catalogue's references.
 */
export class SurveyNotInDistrictError extends ValidationError {
  constructor(path: string) {
    super('问卷不存在或不属于本区', [{ path, message: '须为本区的问卷' }], 'SURVEY_NOT_IN_DISTRICT');
  }
}

export class PreviousRoundNotInDistrictError extends ValidationError {
  constructor() {
    super('上一轮次不存在或不属于本区', [{ path: 'previousRoundId', message: '须为本区的评价轮次' }], 'PREVIOUS_ROUND_NOT_IN_DISTRICT');
  }
}

export class TooManySurveysError extends ValidationError {
  constructor(max: number) {
    super(`一个轮次最多使用 ${max} 份问卷`, undefined, 'TOO_MANY_SURVEYS');
  }
}

export const roundNotFound = () => new NotFoundError('未找到该评价轮次');
export const groupNotInRound = () => new NotFoundError('该集团不在本轮评价范围内');
export const roundLocked = (message = '该轮次已锁定') => new ConflictError('ROUND_LOCKED', message);
export const notManualIndicator = () => new ApiError(400, 'NOT_MANUAL_INDICATOR', '该指标不存在或不是人工评分指标');

const incompleteCounts = (coverage: RoundCoverage) =>
  [
    coverage.groups.incomplete.length ? `${coverage.groups.incomplete.length} 个集团` : '',
    coverage.schools.incomplete.length ? `${coverage.schools.incomplete.length} 所学校` : '',
  ]
    .filter(Boolean)
    .join('、');

/**
 * Locking freezes the numbers; with data missing it freezes 数据不完整 too, so the admin must say
 * so (`confirmIncomplete`). The coverage in `details` says what is missing where.
 */
export class CoverageIncompleteError extends ApiError {
  constructor(coverage: RoundCoverage) {
    super(400, 'COVERAGE_INCOMPLETE', `${incompleteCounts(coverage)}数据不完整（缺分数或学生数），确认后才能锁定`, coverage);
  }
}

/** A ranking with groups missing would place the rest among too few (全区第 1 名（共 1 个集团）). */
export class RankingIncompleteError extends ApiError {
  constructor(coverage: RoundCoverage['groups']) {
    super(409, 'RANKING_INCOMPLETE', `${coverage.incomplete.length} 个集团数据不完整，全部集团数据完整后才能公开排名`, {
      groups: coverage,
    });
  }
}
