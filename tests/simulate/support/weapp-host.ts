import path from 'node:path';

/**
 * Just enough of the WeChat host for miniprogram-simulate to run Taro's compiled weapp
 * output: App/getApp/getCurrentPages globals, and Page() turned into a j-component
 * Component whose attach runs the page lifecycle the way WeChat would.
 */

type Options = Record<string, unknown>;
type PageLifecycle = (this: unknown, query?: Record<string, string>) => void;

interface HostState {
  app: Options | null;
  pages: unknown[];
  nextPage: { route: string; query: Record<string, string> } | null;
}

const host: HostState = { app: null, pages: [], nextPage: null };
const globals = globalThis as unknown as Record<string, unknown>;

export function installWeappHost(): void {
  globals.App = (options: Options) => {
    host.app = options;
    const launch = { path: 'pages/home/index', query: {}, scene: 1001 };
    (options.onLaunch as PageLifecycle | undefined)?.call(options, launch as never);
    (options.onShow as PageLifecycle | undefined)?.call(options, launch as never);
  };
  globals.getApp = () => host.app;
  globals.getCurrentPages = () => host.pages;
  globals.Page = (options: Options) => {
    const methods: Options = {};
    const data: Options = {};
    for (const [name, value] of Object.entries(options)) {
      if (typeof value === 'function') methods[name] = value;
      else if (name === 'data') Object.assign(data, value);
    }
    const { route, query } = host.nextPage ?? { route: '', query: {} };
    // `Component` is miniprogram-simulate's global; it registers with the file being loaded.
    (globals.Component as (definition: Options) => void)({
      data,
      methods,
      lifetimes: {
        attached(this: Options & Record<'onLoad' | 'onShow', PageLifecycle>) {
          this.route = route;
          host.pages.push(this);
          this.onLoad(query);
          this.onShow();
        },
        ready(this: Record<'onReady', PageLifecycle>) {
          this.onReady();
        },
      },
    });
  };
}

/**
 * Loads the app bundle the way WeChat does (runtime first), after which page files can be
 * loaded. Taro's app.js pulls in common/vendors/taro itself.
 */
export function launchApp(distDir: string): void {
  require(path.join(distDir, 'runtime.js'));
  require(path.join(distDir, 'app.js'));
}

/** The route and query the next Page() call (i.e. the next simulate.load of a page) gets. */
export function openingPage(route: string, query: Record<string, string> = {}): void {
  host.nextPage = { route, query };
}
