import Taro from '@tarojs/taro';
import { useEffect } from 'react';

/** Puts the loaded record's name in the navigation bar (and the browser tab on H5). */
export function useNavigationTitle(title: string | undefined): void {
  useEffect(() => {
    if (title) void Taro.setNavigationBarTitle({ title });
  }, [title]);
}
