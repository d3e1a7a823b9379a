'use strict';
// `taro init` / `taro create` are not used in this project (pages are written by hand), so the
// native project generator is not installed. See scripts/stubs/taro-binding/package.json.
const unavailable = () => {
  throw new Error('@tarojs/binding is stubbed in this project: taro init/create are not available');
};
module.exports = { createProject: unavailable, createPage: unavailable, createPlugin: unavailable };
