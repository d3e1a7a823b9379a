import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * Runs `callback` when the page is shown again (back from another page), not on its first
 * show: the mount loads anyway.
 */
export function useReshow(callback: () => void): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) callback();
    shown.current = true;
  });
}
