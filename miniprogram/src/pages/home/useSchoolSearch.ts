import { useCallback, useEffect, useRef, useState } from 'react';
import type { SchoolHit } from '../../../../shared';
import { messageOf } from '../../api/api-error';
import { searchSchools } from '../../api/catalog';

export const PAGE_SIZE = 20;

export interface SearchCriteria {
  /** Trimmed query; '' means "no text". */
  q: string;
  /** District id; '' means 全部. */
  district: string;
}

export interface SearchState {
  phase: 'idle' | 'loading' | 'ready' | 'error';
  items: SchoolHit[];
  nextCursor: string | null;
  /** Message of a failed first page. */
  error: string | null;
  loadingMore: boolean;
  /** Message of a failed later page; the items so far stay on screen. */
  moreError: string | null;
}

const IDLE: SearchState = { phase: 'idle', items: [], nextCursor: null, error: null, loadingMore: false, moreError: null };

/**
 * Paged school search. New criteria restart from the first page; answers that belong to
 * older criteria are dropped (typing fast must not show results for an earlier text).
 */
export function useSchoolSearch({ q, district }: SearchCriteria) {
  const [state, setState] = useState<SearchState>(IDLE);
  const generation = useRef(0);
  // Reach-bottom can fire several times before React re-renders; guard with refs, not state.
  const current = useRef(state);
  current.current = state;
  const busy = useRef(false);

  const fetchPage = useCallback(
    async (cursor: string | null) => {
      const mine = cursor ? generation.current : ++generation.current;
      busy.current = true;
      setState((s) => (cursor ? { ...s, loadingMore: true, moreError: null } : { ...IDLE, phase: 'loading' }));
      try {
        const page = await searchSchools({ q: q || undefined, district: district || undefined, limit: PAGE_SIZE, cursor });
        if (mine !== generation.current) return;
        setState((s) => ({
          ...IDLE,
          phase: 'ready',
          items: cursor ? [...s.items, ...page.items] : page.items,
          nextCursor: page.nextCursor,
        }));
      } catch (error) {
        if (mine !== generation.current) return;
        const message = messageOf(error);
        setState((s) => (cursor ? { ...s, loadingMore: false, moreError: message } : { ...IDLE, phase: 'error', error: message }));
      } finally {
        if (mine === generation.current) busy.current = false;
      }
    },
    [q, district],
  );

  useEffect(() => {
    if (!q && !district) {
      generation.current++;
      busy.current = false;
      setState(IDLE);
      return;
    }
    void fetchPage(null);
  }, [fetchPage, q, district]);

  const loadMore = useCallback(() => {
    const { phase, nextCursor, moreError } = current.current;
    // After a failed page, only the explicit 重试 asks again (no retry loop on scroll).
    if (phase !== 'ready' || !nextCursor || moreError || busy.current) return;
    void fetchPage(nextCursor);
  }, [fetchPage]);

  const retry = useCallback(() => {
    const { moreError, nextCursor } = current.current;
    void fetchPage(moreError ? nextCursor : null);
  }, [fetchPage]);

  return { ...state, loadMore, retry };
}
