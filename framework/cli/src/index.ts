export { type CodegenStep, generateApp, type StepReporter } from './codegen/generate-app.js';
export { type Drift, findDrift, writeGenerated } from './codegen/sync-generated.js';
export { type BuildWebUiOptions, buildWebUi, type WebUiBuild } from './commands/build-web-ui.js';
export { type ServeOptions, serveCommand } from './commands/serve-command.js';
export { main } from './main.js';
export { consoleOutput, memoryOutput, type Output } from './output.js';
export { type AppLocation, appEntry, findApps } from './workspace/find-apps.js';
export { findWorkspaceRoot } from './workspace/find-workspace-root.js';
