function words(input: string): string[] {
  return input
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** `sales-order` -> `SalesOrder` */
export function pascalCase(input: string): string {
  return words(input)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** `sales-order` -> `salesOrder` */
export function camelCase(input: string): string {
  const p = pascalCase(input);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

/** `expectedCloseDate` -> `expected_close_date` */
export function snakeCase(input: string): string {
  return words(input).join('_');
}

/** `sales_orders` -> `sales-orders` */
export function kebabCase(input: string): string {
  return words(input).join('-');
}
