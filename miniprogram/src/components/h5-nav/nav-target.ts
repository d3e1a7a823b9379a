/** The page a cold-opened link falls back to, and the one where there is nowhere to go back to. */
export const HOME_ROUTE = 'pages/home/index';

/**
 * What the H5 bar's back button does on a page: nothing to show on 首页; back when there is a
 * page to go back to; otherwise (a shared link opened cold) to 首页 rather than out of the app.
 */
export function backTarget(route: string, depth: number): 'none' | 'back' | 'home' {
  if (route.replace(/^\//, '') === HOME_ROUTE) return 'none';
  return depth > 1 ? 'back' : 'home';
}
