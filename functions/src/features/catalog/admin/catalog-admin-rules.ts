import { randomBytes } from 'node:crypto';
import { BUILTIN_GROUP_TYPES } from '../../../../../shared';
import { ApiError, ConflictError, ValidationError } from '../../../errors';

/** Another edit came first (the version named is not the stored one): nothing was written. */
export const staleVersion = () => new ConflictError('CONFLICT', '请刷新后重试');

/** One field of a body is wrong for a reason only the catalogue knows (400, the field in details). */
export const fieldError = (path: string, message: string) => new ValidationError(message, [{ path, message }]);

/**
 * A body names a group or school of another district than the route's. The pipeline's scope
 * check refuses most of these first (403 FORBIDDEN_REFERENCE); this holds for any caller.
 */
export class ReferenceOutsideDistrictError extends ApiError {
  constructor(path: string, message: string) {
    super(400, 'REFERENCE_OUTSIDE_DISTRICT', message, [{ path, message }]);
  }
}

/** A school or group still named by responses, batches, scores or audiences: archive it instead. */
export class InUseError extends ApiError {
  constructor(what: string, reasons: string[]) {
    super(409, 'IN_USE', `该${what}${reasons.join('、')}，不能删除，请改为归档`, { reasons, hint: '请改为归档' });
  }
}

export class ArchivedError extends ApiError {
  constructor(message: string) {
    super(409, 'ARCHIVED', message);
  }
}

/** A group's type: built in, or one of its district's own (GroupTypesBodySchema). */
export function checkGroupType(type: string, own: readonly string[] | undefined, path = 'type'): void {
  if ((BUILTIN_GROUP_TYPES as readonly string[]).includes(type) || (own ?? []).includes(type)) return;
  throw fieldError(path, `集团类型“${type}”不在本区县的集团类型中，请先在集团类型中添加`);
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A new id: the prefix and 10 lowercase base32 characters (50 random bits; IdSchema's alphabet). */
export function newCatalogId(prefix: 's' | 'g' | 'c'): string {
  const bytes = randomBytes(10);
  return `${prefix}-${Array.from(bytes, (b) => BASE32[b & 31]).join('')}`;
}
