export { type CodegenStep, generateApp, type StepReporter } from './codegen/generate-app.js';
export { type Drift, findDrift, writeGenerated } from './codegen/sync-generated.js';
export { main } from './main.js';
export { consoleOutput, memoryOutput, type Output } from './output.js';
export { type AppLocation, findApps } from './workspace/find-apps.js';
export { findWorkspaceRoot } from './workspace/find-workspace-root.js';
