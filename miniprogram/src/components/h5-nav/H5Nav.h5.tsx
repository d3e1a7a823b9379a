import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { backTarget, HOME_ROUTE } from './nav-target';
import './h5-nav.scss';

interface NavState {
  title: string;
  back: ReturnType<typeof backTarget>;
}

function current(): NavState {
  const pages = Taro.getCurrentPages();
  const route = (pages.at(-1)?.route ?? window.location.hash.replace(/^#\/?/, '').split('?')[0]) || HOME_ROUTE;
  return { title: document.title, back: backTarget(route, pages.length) };
}

/**
 * The H5 build's navigation bar, as WeChat draws one: the page's title (its
 * navigationBarTitleText, or what useNavigationTitle set; the router writes both into
 * document.title) and a back button. Mounted once in the app shell.
 */
export function H5Nav() {
  const [state, setState] = useState<NavState>(() => ({ title: document.title, back: 'none' }));
  useEffect(() => {
    const update = () => setState(current());
    // The router sets the title after the page is in place: read it once things settle.
    const later = () => setTimeout(update, 0);
    Taro.eventCenter.on('__afterTaroRouterChange', later);
    Taro.eventCenter.on('__taroH5SetNavigationBarTitle', later);
    window.addEventListener('hashchange', later);
    const title = document.querySelector('title');
    const observer = new MutationObserver(update);
    if (title) observer.observe(title, { childList: true, characterData: true, subtree: true });
    later();
    return () => {
      Taro.eventCenter.off('__afterTaroRouterChange', later);
      Taro.eventCenter.off('__taroH5SetNavigationBarTitle', later);
      window.removeEventListener('hashchange', later);
      observer.disconnect();
    };
  }, []);
  const goBack = () => {
    if (state.back === 'back') void Taro.navigateBack();
    else void Taro.reLaunch({ url: `/${HOME_ROUTE}` });
  };
  return (
    <View className="h5-nav" id="h5-nav">
      {state.back !== 'none' ? (
        <View className="h5-nav__back" id="h5-nav-back" onClick={goBack} aria-label={state.back === 'back' ? '返回' : '回到首页'}>
          <Text className="h5-nav__chevron">‹</Text>
          <Text className="h5-nav__back-label">{state.back === 'back' ? '返回' : '首页'}</Text>
        </View>
      ) : null}
      <Text className="h5-nav__title" id="h5-nav-title">
        {state.title}
      </Text>
    </View>
  );
}
