import { IndicatorSystemSchema } from '../../../shared';
import { EVALUATION_TEMPLATES } from '../../../shared/evaluation/evaluation-templates';
import {
  addIndicator,
  draftFromTemplate,
  draftProblems,
  removeIndicator,
  systemOf,
  updateIndicator,
  usesSurveys,
  type SystemDraft,
} from '../../src/packages/evaluation/rounds/system-draft';

const haidian = EVALUATION_TEMPLATES.find((t) => t.id === 'haidian')!;
const jinan = EVALUATION_TEMPLATES.find((t) => t.id === 'jinan-shizhong')!;

/** Two indicators of 60 / 40 in every dimension, the second fed by the satisfaction rate. */
function completed(draft: SystemDraft): SystemDraft {
  return draft.dimensions.reduce((next, d) => {
    let out = addIndicator(addIndicator(next, d.id), d.id);
    out = updateIndicator(out, d.id, 'i1', { name: `${d.name}·过程`, weight: '60' });
    return updateIndicator(out, d.id, 'i2', { name: `${d.name}·满意度`, weight: '40', source: 'satisfaction' });
  }, draft);
}

describe('the indicator-system draft of 新建评价轮次', () => {
  test('names what is missing in 海淀 until each dimension has indicators weighing 100', () => {
    // Prepare
    const empty = draftFromTemplate(haidian);
    // Act
    const half = updateIndicator(addIndicator(empty, 'governance'), 'governance', 'i1', { name: '章程', weight: '50' });
    // Assess
    expect(draftProblems(empty)).toHaveLength(6);
    expect(draftProblems(empty)[0]).toBe('“健全集团管理架构”还没有指标');
    expect(draftProblems(half)[0]).toBe('“健全集团管理架构”的指标权重合计 50，应为 100');
    expect(draftProblems(completed(empty))).toEqual([]);
  });

  test("builds a system the server's schema accepts once survey ids are filled in, as the server does", () => {
    // Act
    const system = systemOf(completed(draftFromTemplate(haidian)));
    for (const d of system.dimensions) for (const i of d.indicators) if (i.source.kind === 'survey') i.source.surveyIds = ['sv-1'];
    // Assess
    expect(IndicatorSystemSchema.safeParse(system).success).toBe(true);
    expect(system.dimensions[0].indicators.map((i) => [i.id, i.weight, i.source.kind])).toEqual([
      ['i1', 60, 'manual'],
      ['i2', 40, 'survey'],
    ]);
  });

  test('keeps 济南 as its template says, and knows it needs surveys for 社会认可', () => {
    const draft = draftFromTemplate(jinan);
    expect(draftProblems(draft)).toEqual([]);
    expect(usesSurveys(draft)).toBe(true);
    expect(usesSurveys(updateIndicator(draft, 'recognition', 'satisfaction', { source: 'manual' }))).toBe(false);
  });

  test('gives a new indicator an id not yet used in its dimension, after a removal too', () => {
    const two = addIndicator(addIndicator(draftFromTemplate(haidian), 'effect'), 'effect');
    const again = addIndicator(removeIndicator(two, 'effect', 'i1'), 'effect');
    expect(again.dimensions.find((d) => d.id === 'effect')!.indicators.map((i) => i.id)).toEqual(['i2', 'i3']);
  });
});
