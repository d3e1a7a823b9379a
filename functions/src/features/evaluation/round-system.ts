import type { z } from 'zod';
import {
  EVALUATION_TEMPLATES,
  IndicatorSystemDraftSchema,
  IndicatorSystemSchema,
  type IndicatorSystem,
  type IndicatorSystemDraft,
} from '../../../../shared';
import { InvalidSystemError } from './evaluation-errors';

/** Parses a system, naming the failing fields by their path in the request body (`system.…`). */
function parseSystem<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidSystemError(result.error.issues.map((i) => ({ path: ['system', ...i.path].join('.'), message: i.message })));
}

/**
 * The draft a round starts from: its template's (海淀's lacks indicators, so it does not
 * validate), or the body's own system. Parsing copies it, so a template is never changed.
 */
export function draftOf(input: { templateId?: string; system?: IndicatorSystemDraft }): IndicatorSystemDraft {
  const template = EVALUATION_TEMPLATES.find((t) => t.id === input.templateId);
  return parseSystem(IndicatorSystemDraftSchema, template ?? input.system);
}

/** The round's system: survey-fed indicators that name no surveys take the round's, and the result must be complete. */
export function roundSystem(draft: IndicatorSystemDraft, surveyIds: string[]): IndicatorSystem {
  const filled = {
    ...draft,
    dimensions: draft.dimensions.map((d) => ({
      ...d,
      indicators: d.indicators.map((i) =>
        i.source.kind === 'survey' && i.source.surveyIds.length === 0 ? { ...i, source: { ...i.source, surveyIds } } : i,
      ),
    })),
  };
  return parseSystem(IndicatorSystemSchema, filled);
}

/** Every survey a new round names, with where the body names it (the round's own list first). */
export function surveysNamed(draft: IndicatorSystemDraft, surveyIds: string[]): Array<{ id: string; path: string }> {
  return [
    ...surveyIds.map((id, k) => ({ id, path: `surveyIds.${k}` })),
    ...draft.dimensions.flatMap((d, di) =>
      d.indicators.flatMap((i, ii) =>
        i.source.kind === 'survey'
          ? i.source.surveyIds.map((id, k) => ({ id, path: `system.dimensions.${di}.indicators.${ii}.source.surveyIds.${k}` }))
          : [],
      ),
    ),
  ];
}
