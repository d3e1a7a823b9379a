import { useEffect, useState } from 'react';

/** Desktop width: an office PC's browser, where admin lists read better as tables. */
export const WIDE_QUERY = '(min-width: 900px)';

const matches = () =>
  process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(WIDE_QUERY).matches
    : false;

/** True on H5 at ≥ 900 px (and follows the window being resized); always false in the weapp. */
export function useWideScreen(): boolean {
  const [wide, setWide] = useState(matches);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(WIDE_QUERY);
    const update = () => setWide(query.matches);
    query.addEventListener('change', update);
    update();
    return () => query.removeEventListener('change', update);
  }, []);
  return wide;
}
