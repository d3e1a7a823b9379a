import type { Context } from 'hono';
import { IdSchema } from '../../../shared';
import { NotFoundError } from '../errors';
import type { AppEnv } from '../http/app-env';
import type { ScopeTarget } from '../http/route-spec';
import { parseOr } from '../http/validate';

/** Path parameters of the evaluation routes: malformed ids are simply not found. */
export const roundIdParam = (c: Context<AppEnv>) => {
  const id = c.req.param('id') ?? '';
  if (!/^rd-[a-z0-9]{1,32}$/.test(id)) throw new NotFoundError('未找到该评价轮次');
  return id;
};

export const catalogIdParam = (c: Context<AppEnv>, name: string, message: string) => parseOr(IdSchema, c.req.param(name), () => new NotFoundError(message));

export async function roundOf(c: Context<AppEnv>) {
  const round = await c.get('services').evaluations.getRound(roundIdParam(c));
  if (!round) throw new NotFoundError('未找到该评价轮次');
  return round;
}

/** Rounds are the district's: its admins manage them. */
export const roundDistrict = async (c: Context<AppEnv>): Promise<ScopeTarget> => ({ type: 'district', id: (await roundOf(c)).districtId });
