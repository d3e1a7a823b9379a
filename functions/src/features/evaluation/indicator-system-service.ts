import type { ItemList, SaveIndicatorSystemBody, SavedIndicatorSystem } from '../../../../shared';
import { ApiError, NotFoundError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import { newId } from '../identity/domain/invite-codes';
import type { RequestUser } from '../identity/request-user';
import type { IndicatorSystemItem } from './evaluation-repository';

type Deps = Pick<Infrastructure, 'evaluations' | 'catalog' | 'now'>;

const view = ({ id, name, system, savedAt, savedBy }: IndicatorSystemItem): SavedIndicatorSystem => ({
  id,
  name,
  system,
  savedAt,
  savedBy,
});

/**
 * A district's own indicator systems (海淀's six dimensions with the indicators its admins
 * added), saved under a name and picked when a later round is made. Survey-fed indicators are
 * kept without their surveys: every round names the surveys it reads.
 */
export class IndicatorSystemService {
  constructor(private readonly deps: Deps) {}

  async list(districtId: string): Promise<ItemList<SavedIndicatorSystem>> {
    const items = await this.deps.evaluations.listIndicatorSystems(districtId);
    return { items: items.map(view).sort((a, b) => b.savedAt.localeCompare(a.savedAt)) };
  }

  async save(districtId: string, body: SaveIndicatorSystemBody, user: RequestUser): Promise<SavedIndicatorSystem> {
    if (!(await this.deps.catalog.getDistrict(districtId))) throw new NotFoundError('未找到该区');
    const existing = (await this.deps.evaluations.listIndicatorSystems(districtId)).find((s) => s.name === body.name);
    const item: IndicatorSystemItem = {
      kind: 'indicator-system',
      id: existing?.id ?? newId('is'),
      districtId,
      name: body.name,
      system: {
        ...body.system,
        dimensions: body.system.dimensions.map((d) => ({
          ...d,
          indicators: d.indicators.map((i) =>
            i.source.kind === 'survey'
              ? { ...i, source: { ...i.source, surveyIds: [] as string[] } }
              : { ...i, source: { kind: 'manual' as const } },
          ),
        })),
      },
      savedAt: this.deps.now().toISOString(),
      savedBy: user.userKey,
    };
    if (!(await this.deps.evaluations.putIndicatorSystem(item, body.replace)))
      throw new ApiError(409, 'NAME_TAKEN', '已有同名的指标体系', [{ path: 'name', message: '已有同名的指标体系：换个名称，或选择覆盖' }]);
    return view(item);
  }
}
