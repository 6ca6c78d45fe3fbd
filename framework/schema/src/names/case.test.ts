import { describe, expect, it } from 'vitest';
import { camelCase, kebabCase, pascalCase, snakeCase } from './case.js';
import { compareCodeUnits } from './compare-code-units.js';

describe('name cases', () => {
  it.each([
    ['sales-order', 'SalesOrder', 'salesOrder', 'sales_order', 'sales-order'],
    [
      'expectedCloseDate',
      'ExpectedCloseDate',
      'expectedCloseDate',
      'expected_close_date',
      'expected-close-date',
    ],
    ['crm_deals', 'CrmDeals', 'crmDeals', 'crm_deals', 'crm-deals'],
    ['address2', 'Address2', 'address2', 'address2', 'address2'],
  ])('%s', (input, pascal, camel, snake, kebab) => {
    expect([pascalCase(input), camelCase(input), snakeCase(input), kebabCase(input)]).toEqual([
      pascal,
      camel,
      snake,
      kebab,
    ]);
  });

  it('orders by code units, not locale', () => {
    expect(['b', 'B', 'a', 'ä'].sort(compareCodeUnits)).toEqual(['B', 'a', 'b', 'ä']);
  });
});
