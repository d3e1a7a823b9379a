import type { Context } from 'hono';
import { NotFoundError } from '../../../errors';
import type { AppEnv } from '../../../http/app-env';
import type { ScopeTarget } from '../../../http/route-spec';
import { once } from '../../../http/request-once';
import { idParamOf } from '../../../http/path-targets';

/** Path parameters of the evaluation routes: malformed ids are simply not found. */
export const roundIdParam = idParamOf(/^rd-[a-z0-9]{1,32}$/, '未找到该评价轮次');

/** The round a route acts on: loaded by its access target, then reused by the handler. */
export const roundOf = (c: Context<AppEnv>) =>
  once(c, 'round', async () => {
    const round = await c.get('infra').evaluations.getRound(roundIdParam(c));
    if (!round) throw new NotFoundError('未找到该评价轮次');
    return round;
  });

/** Rounds are the district's: its admins manage them. */
export const roundDistrict = async (c: Context<AppEnv>): Promise<ScopeTarget> => ({ type: 'district', id: (await roundOf(c)).districtId });
