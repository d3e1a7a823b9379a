import { useCallback, useEffect, useRef, useState } from 'react';
import type { NewsPage, NewsSummary } from '../../../../shared';
import { messageOf } from '../../api/api-error';

export interface NewsPages {
  items: NewsSummary[];
  status: 'loading' | 'error' | 'ready';
  message: string;
  /** More pages exist and none is loading. */
  canLoadMore: boolean;
  loadingMore: boolean;
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/**
 * Keyset pages of news: refresh starts over, loadMore follows the server's cursor. Answers to
 * an older refresh are dropped, so pull-to-refresh during a slow load cannot mix two lists.
 */
export function useNewsPages(load: (cursor: string | null) => Promise<NewsPage>, deps: readonly unknown[]): NewsPages {
  const [items, setItems] = useState<NewsSummary[]>([]);
  const [status, setStatus] = useState<NewsPages['status']>('loading');
  const [message, setMessage] = useState('');
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `deps` are the caller's list for `load` (checked at each caller)
  const run = useCallback(load, deps);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const page = await run(null);
      if (mine !== generation.current) return;
      setItems(page.items);
      setCursor(page.nextCursor);
      setStatus('ready');
    } catch (error) {
      if (mine !== generation.current) return;
      setMessage(messageOf(error));
      setStatus('error');
    }
  }, [run]);

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    try {
      const page = await run(cursor);
      if (mine !== generation.current) return;
      setItems((current) => [...current, ...page.items]);
      setCursor(page.nextCursor);
    } catch (error) {
      setMessage(messageOf(error));
    } finally {
      setLoadingMore(false);
    }
  }, [run, cursor, loadingMore]);

  useEffect(() => {
    setStatus('loading');
    void refresh();
  }, [refresh]);

  return { items, status, message, canLoadMore: cursor !== null && !loadingMore, loadingMore, refresh, loadMore };
}
