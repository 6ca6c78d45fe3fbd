import { scanJsonLogic, type ValidationIssue } from '@codexion/schema';
import { cartFactNames } from './cart-fact-names.js';
import type { JsonLogicExpression } from './pricing-model.js';

const known = new Set<string>(cartFactNames);

/**
 * What is wrong with a promotion's condition, one issue per unknown operator or unknown cart
 * fact, each at its JSON Pointer under `pointer` (`/condition/and/0/>/0/var`). A condition may
 * read only `cartFactNames` (a dotted path starting with one of them, `lines.0.quantity`) and use
 * only the rules' operators. An empty list: the condition is good.
 *
 * @example
 * promotionConditionIssues({ '>': [{ var: 'total' }, 0] }, '/condition')
 * // [{ path: '/condition/>/0/var', code: 'UNKNOWN_FACT', message: '"total" is not a cart fact; known: currency, …' }]
 */
export function promotionConditionIssues(condition: JsonLogicExpression, pointer: string): ValidationIssue[] {
  const scan = scanJsonLogic(condition as never, pointer);
  return [
    ...scan.unknownOperators.map((operator) => ({
      path: operator.pointer,
      code: 'UNKNOWN_OPERATOR',
      message: `"${operator.name}" is not a JSON Logic operator conditions may use`,
    })),
    ...scan.vars
      .filter((reference) => !known.has(reference.name.split('.')[0] as string))
      .map((reference) => ({
        path: reference.pointer,
        code: 'UNKNOWN_FACT',
        message: `"${reference.name}" is not a cart fact; known: ${cartFactNames.join(', ')}`,
      })),
  ];
}
