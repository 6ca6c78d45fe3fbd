import { appKit } from '@codexion/framework/plugins';
import manifest from '../core/app.json' with { type: 'json' };
import type { CortexContract } from '../core/generated/contract.js';

/**
 * The framework's definitions typed by Cortex's contract (`core/generated/contract.ts`): its
 * actions' inputs and answers, each typed from the action's id.
 *
 * @example
 * cortex.definePlugin({ …, actions: cortexActions(runtime) })
 */
export const cortex = appKit<CortexContract>(manifest);
