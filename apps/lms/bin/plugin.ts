import type { AppManifest } from '@codexion/schema';
import manifest from '../core/app.json' with { type: 'json' };
import { tables } from '../core/generated/tables.js';
import { lms } from './lms.js';

/**
 * The Learning app's backend: its resources, routes and checks come from core/, with the actions
 * and hooks that enforce enrolment, release rules, attempts and deadlines.
 */
export default lms.definePlugin({
  manifest: manifest as unknown as AppManifest,
  root: new URL('..', import.meta.url),
  resources: tables,
});
