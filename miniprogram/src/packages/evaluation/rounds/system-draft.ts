import type { EvaluationTemplate, TemplateDimension, TemplateIndicator } from '../../../../../shared/evaluation/evaluation-templates';

/** As the server's schema (shared/evaluation/indicator-system.ts): sums of 6 × 16.67 pass. */
const WEIGHT_TOLERANCE = 0.011;

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
  /** As typed: the field keeps what the admin types (16.6, '') until the draft is sent. */
  weight: string;
  indicators: DraftIndicator[];
}
export interface SystemDraft {
  name: string;
  dimensions: DraftDimension[];
}

const choiceOf = (source: TemplateIndicator['source']): SourceChoice => (source.kind === 'manual' ? 'manual' : source.measure);

/** A template, or a district's saved system (the same shape), as a draft to edit. */
export function draftFromTemplate(template: Pick<EvaluationTemplate, 'name' | 'dimensions'>): SystemDraft {
  return {
    name: template.name,
    dimensions: template.dimensions.map((d) => ({
      id: d.id,
      name: d.name,
      weight: String(d.weight),
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

export const updateDimension = (
  draft: SystemDraft,
  dimensionId: string,
  change: Partial<Pick<DraftDimension, 'name' | 'weight'>>,
): SystemDraft => mapDimension(draft, dimensionId, (d) => ({ ...d, ...change }));

/** Sum of weights as typed (blank or invalid entries count 0), rounded as shown. */
const sumOf = (weights: string[]) => Math.round(weights.reduce((sum, w) => sum + (Number(w) || 0), 0) * 100) / 100;

/** Sum of a dimension's indicator weights (blank or invalid entries count 0). */
export const weightSum = (dimension: DraftDimension) => sumOf(dimension.indicators.map((i) => i.weight));

/** Sum of the dimensions' weights. */
export const dimensionWeightSum = (draft: SystemDraft) => sumOf(draft.dimensions.map((d) => d.weight));

/** What is wrong with one weight as typed, or null: a number above 0 and at most 100. */
export function weightProblem(text: string): string | null {
  if (text.trim() === '') return '请填写权重';
  const value = Number(text);
  if (!Number.isFinite(value)) return '权重须为数字';
  if (value <= 0) return '权重须大于 0';
  if (value > 100) return '权重不能超过 100';
  return null;
}

const off100 = (sum: number) => Math.abs(sum - 100) > WEIGHT_TOLERANCE;

/**
 * The draft's problems by field, keyed as the server names them (`system.dimensions.0.weight`,
 * `system.dimensions.0.indicators`, …), so one message slot beside each field shows the
 * problem as it is typed and the server's after a save.
 */
export function draftFieldErrors(draft: SystemDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  const at = (path: string, message: string | null) => {
    if (message && !errors[path]) errors[path] = message;
  };
  if (!draft.name.trim()) at('system.name', '请填写指标体系名称');
  draft.dimensions.forEach((d, di) => {
    const base = `system.dimensions.${di}`;
    if (!d.name.trim()) at(`${base}.name`, '请填写维度名称');
    at(`${base}.weight`, weightProblem(d.weight));
    if (d.indicators.length === 0) at(`${base}.indicators`, '每个维度至少需要一个指标');
    d.indicators.forEach((i, ii) => {
      if (!i.name.trim()) at(`${base}.indicators.${ii}.name`, '请填写指标名称');
      at(`${base}.indicators.${ii}.weight`, weightProblem(i.weight));
    });
    const sum = weightSum(d);
    if (d.indicators.length > 0 && off100(sum)) at(`${base}.indicators`, `指标权重合计 ${sum}，应为 100`);
  });
  const total = dimensionWeightSum(draft);
  if (off100(total)) at('system.dimensions', `各维度权重合计 ${total}，应为 100`);
  return errors;
}

/** What still stops the draft from being a valid system, in the admin's words (empty: ready). */
export function draftProblems(draft: SystemDraft): string[] {
  const total = dimensionWeightSum(draft);
  const dimensions = draft.dimensions.some((d) => weightProblem(d.weight))
    ? ['有维度权重未填写或不在 0–100 之间']
    : off100(total)
      ? [`各维度权重合计 ${total}，应为 100`]
      : [];
  return [
    ...dimensions,
    ...draft.dimensions.flatMap((d) => {
      if (d.indicators.length === 0) return [`“${d.name}”还没有指标`];
      if (d.indicators.some((i) => !i.name.trim())) return [`“${d.name}”有指标未填写名称`];
      if (d.indicators.some((i) => weightProblem(i.weight))) return [`“${d.name}”有指标权重未填写或不在 0–100 之间`];
      const sum = weightSum(d);
      return off100(sum) ? [`“${d.name}”的指标权重合计 ${sum}，应为 100`] : [];
    }),
  ];
}

export const usesSurveys = (draft: SystemDraft) => draft.dimensions.some((d) => d.indicators.some((i) => i.source !== 'manual'));

/** The system as the API takes it; survey indicators get the round's surveys on the server. */
export function systemOf(draft: SystemDraft): { name: string; dimensions: TemplateDimension[] } {
  return {
    name: draft.name,
    dimensions: draft.dimensions.map((d) => ({
      id: d.id,
      name: d.name.trim(),
      weight: Number(d.weight),
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
