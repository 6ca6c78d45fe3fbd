import jsonLogicModule from 'json-logic-js';
import { registerCodexionOperations } from '../sql/codexion-operations.js';

/**
 * json-logic-js with Codexion's operations, the one instance rules run on in browser and server.
 * json-logic-js keeps operations in module state, so registering here makes every importer agree.
 */
export const jsonLogic = jsonLogicModule;
registerCodexionOperations(jsonLogic);
