import { join } from 'node:path';
import { buildWebUi } from '@codexion/cli/build-web-ui';
import { workspaceRoot } from './start-crm.js';

// Rebuilds the CRM's web UI (as `prefiq serve` would when stale): a running server picks it up at once.
const result = await buildWebUi({
  appDir: join(workspaceRoot, 'apps/crm'),
  root: workspaceRoot,
  force: true,
});
console.log(result);
