import type { EvaluationTemplate, TemplateDimension, TemplateIndicator } from '../../../../../shared/evaluation/evaluation-templates';

/**
 * An indicator system being edited before a round is made: a template's dimensions, with
 * indicators the admin adds (海淀's 19 are not public) or adjusts (济南's). Pure, so the
 * editor's rules are tested without rendering. The server validates again (weights, ids).
 */
export type SourceChoice = 'manual' | 'satisfaction' | 'index';
export interface DraftIndicator {
  id: string;
  name: string;
  weight: string;
  source: SourceChoice;
}
export interface DraftDimension {
  id: string;
  name: string;
  weight: number;
  indicators: DraftIndicator[];
}
export interface SystemDraft {
  name: string;
  dimensions: DraftDimension[];
}

const choiceOf = (source: TemplateIndicator['source']): SourceChoice => (source.kind === 'manual' ? 'manual' : source.measure);

export function draftFromTemplate(template: EvaluationTemplate): SystemDraft {
  return {
    name: template.name,
    dimensions: template.dimensions.map((d) => ({
      id: d.id,
      name: d.name,
      weight: d.weight,
      indicators: d.indicators.map((i) => ({ id: i.id, name: i.name, weight: String(i.weight), source: choiceOf(i.source) })),
    })),
  };
}

/** A fresh id within the dimension (i1, i2, …): ids only need to be unique per dimension. */
function nextId(dimension: DraftDimension): string {
  const taken = new Set(dimension.indicators.map((i) => i.id));
  let n = dimension.indicators.length + 1;
  while (taken.has(`i${n}`)) n++;
  return `i${n}`;
}

const mapDimension = (draft: SystemDraft, dimensionId: string, change: (d: DraftDimension) => DraftDimension): SystemDraft => ({
  ...draft,
  dimensions: draft.dimensions.map((d) => (d.id === dimensionId ? change(d) : d)),
});

export const addIndicator = (draft: SystemDraft, dimensionId: string): SystemDraft =>
  mapDimension(draft, dimensionId, (d) => ({
    ...d,
    indicators: [...d.indicators, { id: nextId(d), name: '', weight: '', source: 'manual' }],
  }));

export const removeIndicator = (draft: SystemDraft, dimensionId: string, indicatorId: string): SystemDraft =>
  mapDimension(draft, dimensionId, (d) => ({ ...d, indicators: d.indicators.filter((i) => i.id !== indicatorId) }));

export const updateIndicator = (
  draft: SystemDraft,
  dimensionId: string,
  indicatorId: string,
  change: Partial<Omit<DraftIndicator, 'id'>>,
): SystemDraft =>
  mapDimension(draft, dimensionId, (d) => ({
    ...d,
    indicators: d.indicators.map((i) => (i.id === indicatorId ? { ...i, ...change } : i)),
  }));

/** Sum of a dimension's indicator weights (blank or invalid entries count 0). */
export const weightSum = (dimension: DraftDimension) => dimension.indicators.reduce((sum, i) => sum + (Number(i.weight) || 0), 0);

/** What still stops the draft from being a valid system, in the admin's words (empty: ready). */
export function draftProblems(draft: SystemDraft): string[] {
  return draft.dimensions.flatMap((d) => {
    if (d.indicators.length === 0) return [`“${d.name}”还没有指标`];
    if (d.indicators.some((i) => !i.name.trim())) return [`“${d.name}”有指标未填写名称`];
    const sum = weightSum(d);
    return Math.abs(sum - 100) > 0.011 ? [`“${d.name}”的指标权重合计 ${Math.round(sum * 100) / 100}，应为 100`] : [];
  });
}

export const usesSurveys = (draft: SystemDraft) => draft.dimensions.some((d) => d.indicators.some((i) => i.source !== 'manual'));

/** The system as the API takes it; survey indicators get the round's surveys on the server. */
export function systemOf(draft: SystemDraft): { name: string; dimensions: TemplateDimension[] } {
  return {
    name: draft.name,
    dimensions: draft.dimensions.map((d) => ({
      id: d.id,
      name: d.name,
      weight: d.weight,
      indicators: d.indicators.map((i) => ({
        id: i.id,
        name: i.name.trim(),
        weight: Number(i.weight),
        source:
          i.source === 'manual'
            ? { kind: 'manual' as const }
            : { kind: 'survey' as const, surveyIds: [], dimensions: [], measure: i.source },
      })),
    })),
  };
}
