// @codexion/framework/plugins: definePlugin, the app kit and the plugin registry (docs/adr/0024)

export { type BoundResource, bindResources, type ResourceAccessor } from '../resources/bind-resources.js';
export {
  type AppActionHandler,
  type AppActions,
  type AppHooks,
  type AppKit,
  type AppPluginDefinition,
  type AppPublicAction,
  type AppPublicActionHandler,
  type AppSagaAction,
  type AppSagaActionHandler,
  type AppSubscribers,
  appKit,
} from './app-kit.js';
export {
  type ActionContext,
  type ActionHandler,
  type ActionResult,
  type DemoMember,
  type Draft,
  definePlugin,
  type EventContext,
  type EventHandler,
  type HookContext,
  isPublicAction,
  isSagaAction,
  type LifecycleContext,
  type LifecycleHooks,
  type PluginContext,
  type PluginDefinition,
  type PublicAction,
  type PublicActionContext,
  type PublicActionHandler,
  publicAction,
  type ResourceHooks,
  type SagaAction,
  type SagaActionContext,
  type SagaActionHandler,
  type SeedContext,
  type SeedHandler,
  type SystemField,
  sagaAction,
} from './define-plugin.js';
export { loadAppModel, loadAppSources, loadContractSources } from './load-app-sources.js';
export { type DependenciesOf, orderPlugins, type PluginNode } from './order-plugins.js';
export { PluginError, type PluginErrorCode } from './plugin-error.js';
export {
  frameworkVersion,
  type LoadPluginsOptions,
  loadPlugins,
  type PluginRegistry,
  type RegisteredPlugin,
} from './plugin-registry.js';
