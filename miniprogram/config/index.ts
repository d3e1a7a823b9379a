import { createHash } from 'node:crypto';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

/**
 * Written by hand: `taro init` needs GitHub. One config for both targets; the platform is
 * known before this file loads (the CLI sets TARO_ENV from --type).
 */
const isH5 = process.env.TARO_ENV === 'h5';

// Weapp dev builds talk to the local API server (scripts/start.ts) unless told otherwise.
const DEFAULT_WEAPP_API_BASE = 'http://127.0.0.1:8787/api';

/** Build-time answers to "where is the API?", baked into the bundle as constants. */
function apiEnv(): Record<string, string> {
  // H5 is served by the API itself, so same-origin, and wx.cloud does not exist there.
  const apiBase = isH5 ? '/api' : process.env.TARO_APP_API_BASE || DEFAULT_WEAPP_API_BASE;
  const cloudEnv = isH5 ? '' : process.env.TARO_APP_CLOUD_ENV || '';
  return {
    TARO_APP_API_BASE: JSON.stringify(apiBase),
    TARO_APP_CLOUD_ENV: JSON.stringify(cloudEnv),
    // 订阅本集团动态: the subscribe-message template (the server's WECHAT_NEWS_TEMPLATE_ID); empty hides the button.
    TARO_APP_NEWS_TEMPLATE_ID: JSON.stringify(isH5 ? '' : process.env.TARO_APP_NEWS_TEMPLATE_ID || ''),
    // 提醒未答家长: the reminder template (the server's WECHAT_REMINDER_TEMPLATE_ID); empty hides the weapp button.
    TARO_APP_REMINDER_TEMPLATE_ID: JSON.stringify(isH5 ? '' : process.env.TARO_APP_REMINDER_TEMPLATE_ID || ''),
  };
}

/**
 * Taro's persistent cache is keyed by mode and platform only. A warm build after the API env
 * changed emitted an app.js whose App module was empty, so each env gets its own cache.
 */
function cacheName(env: Record<string, string>): string {
  const digest = createHash('sha1').update(JSON.stringify(env)).digest('hex').slice(0, 8);
  return `${process.env.NODE_ENV}-${process.env.TARO_ENV}-${digest}`;
}

// shared/ lives outside sourceRoot; Taro only runs babel on src/ and taro packages by default.
const compileShared = { include: [path.resolve(__dirname, '../../shared')] };

export default defineConfig<'webpack5'>(async () => {
  const env = apiEnv();
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'jituan-banxue',
    date: '2025-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    env,
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true, name: cacheName(env) },
    mini: {
      compile: compileShared,
      // Styles are class-scoped per component, so the order chunks load them in does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: compileShared,
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return config;
});
