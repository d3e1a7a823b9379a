/**
 * Build-time constants that Taro's webpack plugins define and @tarojs/components' runtime
 * reads as globals; jest has no DefinePlugin, so they are set here with the weapp defaults.
 */
Object.assign(globalThis, {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: false,
  ENABLE_SIZE_APIS: false,
  ENABLE_TEMPLATE_CONTENT: false,
  ENABLE_CLONE_NODE: false,
  ENABLE_CONTAINS: false,
  ENABLE_MUTATION_OBSERVER: false,
  SUPPORT_TARO_POLYFILL: 'disabled',
  SUPPORT_DINGTALK_NAVIGATE: 'disabled',
  DEPRECATED_ADAPTER_COMPONENT: false,
});
