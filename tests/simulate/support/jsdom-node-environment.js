/**
 * jsdom for miniprogram-simulate (it renders into a DOM) plus Node's fetch-family globals,
 * which jsdom hides but the in-test API server (Hono's Node adapter) builds on.
 */
const { TestEnvironment: JsdomEnvironment } = require('jest-environment-jsdom');

const NODE_GLOBALS = [
  'fetch',
  'Request',
  'Response',
  'Headers',
  'FormData',
  'Blob',
  'File',
  'ReadableStream',
  'WritableStream',
  'TransformStream',
  'TextEncoder',
  'TextDecoder',
  'AbortController',
  'AbortSignal',
  'structuredClone',
  'setImmediate',
  'clearImmediate',
];

class JsdomNodeEnvironment extends JsdomEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of NODE_GLOBALS) {
      if (name in globalThis) this.global[name] = globalThis[name];
    }
  }
}

module.exports = JsdomNodeEnvironment;
