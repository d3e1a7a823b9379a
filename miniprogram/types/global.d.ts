/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by the Taro CLI from --type; replaced at build time. */
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony';
    /** Base URL of the HTTP API, ending in /api (config/index.ts bakes it in). */
    TARO_APP_API_BASE?: string;
    /** WeChat cloud environment id; non-empty means "call the `api` cloud function". */
    TARO_APP_CLOUD_ENV?: string;
    TARO_APP_ID?: string;
  }
}

/** The slice of the WeChat cloud API the app uses (the full typings are not installed). */
interface WxCloud {
  init(options: { env: string; traceUser?: boolean }): void;
  callFunction(options: { name: string; data: unknown }): Promise<{ result: unknown }>;
}

declare const wx: { cloud: WxCloud };
