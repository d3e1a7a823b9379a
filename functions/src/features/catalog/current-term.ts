import { termOf, type TermId } from '../../../../shared';

/**
 * The term whose membership the present uses: access scopes, public pages, news audiences,
 * rotation batch checks. Numbers made for a term (a survey's, a round's, a school year's
 * compliance) name their own term instead.
 */
export const currentTerm = (deps: { now: () => Date }): TermId => termOf(deps.now());

/** Archived groups and schools keep their history but leave the public catalogue and new audiences. */
export const isActive = (item: { archivedAt?: string }): boolean => item.archivedAt === undefined;
