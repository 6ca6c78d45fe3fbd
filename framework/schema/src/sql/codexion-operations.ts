/**
 * JSON Logic operations Codexion adds to the standard set. Register them on json-logic-js wherever
 * rules are evaluated (browser and server) so the same rule means the same thing as its SQL form.
 *
 * - `between`: `{"between": [value, low, high]}`, inclusive at both ends. Exactly
 *   `{"<=": [low, value, high]}`, with JavaScript's coercions (so `null` counts as 0).
 *
 * @example
 * import jsonLogic from 'json-logic-js';
 * registerCodexionOperations(jsonLogic);
 * jsonLogic.apply({ between: [{ var: 'amount' }, 10, 20] }, { amount: 10 }); // true
 */
export const codexionOperations = {
  between(value: unknown, low: unknown, high: unknown): boolean {
    // The casts only satisfy the compiler: the point is JavaScript's own `<=` on whatever JSON
    // values come in, as json-logic-js's `<=` does.
    return (low as number) <= (value as number) && (value as number) <= (high as number);
  },
} as const;

/**
 * The part of json-logic-js that {@link registerCodexionOperations} needs.
 *
 * @example
 * const registry: JsonLogicOperationRegistry = jsonLogic; // the json-logic-js module
 */
export interface JsonLogicOperationRegistry {
  add_operation(name: string, code: (...args: never[]) => unknown): void;
}

/**
 * Adds {@link codexionOperations} to a json-logic-js instance.
 *
 * @example
 * import jsonLogic from 'json-logic-js';
 * registerCodexionOperations(jsonLogic);
 */
export function registerCodexionOperations(jsonLogic: JsonLogicOperationRegistry): void {
  for (const [name, code] of Object.entries(codexionOperations)) jsonLogic.add_operation(name, code);
}
