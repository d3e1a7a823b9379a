/**
 * jsdom for miniprogram-simulate (it renders into a DOM) plus Node's fetch-family globals,
 * which jsdom hides but the in-test API server (Hono's Node adapter) builds on. Session
 * tokens (jose) need Node's WebCrypto (jsdom's crypto has no `subtle`) and Node's Uint8Array:
 * Node's TextEncoder makes Node-realm arrays, which fail jose's `instanceof Uint8Array`
 * against jsdom's own.
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
  'crypto',
  'Uint8Array',
];

class JsdomNodeEnvironment extends JsdomEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of NODE_GLOBALS) {
      // defineProperty: some (crypto) are getter-only on jsdom's window, so plain assignment is ignored.
      if (name in globalThis) Object.defineProperty(this.global, name, { value: globalThis[name], writable: true, configurable: true });
    }
  }
}

module.exports = JsdomNodeEnvironment;
