/**
 * How a document's lines are edited: each cell as text while the user types, each line as the API
 * stores it (amounts in integer minor units). Pure, so the page and its tests agree on every
 * conversion.
 */

/** How one column of a line table reads and writes its field. */
export type LineCellKind =
  /** an id picked from another entity (`target`) */
  | 'relation'
  /** an amount typed in major units, stored in minor units of the line's currency */
  | 'money'
  /** a whole number (quantity) */
  | 'integer'
  /** a rate typed in percent, stored in basis points (19 → 1900) */
  | 'basis-points'
  | 'text';

export interface LineColumn {
  /** the line field: `accountId`, `debit`… */
  name: string;
  kind: LineCellKind;
  /** the entity a relation column picks from */
  target?: string;
  /** a value the API needs: empty is "required" */
  required?: boolean;
  /** what an empty cell stands for (a journal line's credit when it is a debit: 0) */
  emptyAs?: number;
}

/** One line as the user is typing it: text per column. */
export type LineDraft = Record<string, string>;

/** One line as stored. */
export type LineRecord = Record<string, unknown>;

function digitsText(minor: number, digits: number, separator: string): string {
  const negative = minor < 0;
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  const whole = digits ? text.slice(0, -digits) : text;
  const fraction = digits ? `${separator}${text.slice(-digits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * Decimal text → an integer scaled by `10^digits`, exactly (no floating point): `'12,5'` with 2
 * digits and `,` → 1250. `undefined` when the text is no number or has more decimals than that.
 *
 * @example
 * scaledInteger('1.234,56', 2, ',') // 123456
 */
export function scaledInteger(text: string, digits: number, separator: string): number | undefined {
  const trimmed = text.replace(/[\s\u00a0\u202f']/g, '');
  const group = separator === ',' ? '.' : ',';
  const normalized =
    trimmed.includes(separator) && trimmed.includes(group)
      ? trimmed.split(group).join('').replace(separator, '.')
      : trimmed.replace(',', '.');
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(normalized);
  if (!match || (match[2] === '' && !match[3])) return undefined;
  const fraction = match[3] ?? '';
  if (fraction.length > digits) return undefined;
  const value = Number(`${match[2] || '0'}${fraction.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(value)) return undefined;
  return match[1] ? -value : value;
}

/**
 * Stored lines → the text the line table shows: money in major units with the currency's
 * `digits`, basis points as percent.
 *
 * @example
 * toLineDrafts([{ qty: 2, unitPrice: 1999 }], [{ name: 'qty', kind: 'integer' }, { name: 'unitPrice', kind: 'money' }], 2, '.')
 * // [{ qty: '2', unitPrice: '19.99' }]
 */
export function toLineDrafts(
  lines: readonly LineRecord[],
  columns: readonly LineColumn[],
  digits: number,
  separator: string,
): LineDraft[] {
  return lines.map((line) => {
    const draft: LineDraft = {};
    for (const column of columns) {
      const value = line[column.name];
      if (value === undefined || value === null) draft[column.name] = '';
      else if (typeof value !== 'number') draft[column.name] = String(value);
      else if (value === column.emptyAs) draft[column.name] = '';
      else if (column.kind === 'money') draft[column.name] = digitsText(value, digits, separator);
      else if (column.kind === 'basis-points')
        draft[column.name] = digitsText(value, 2, separator).replace(/[.,]00$/, '');
      else draft[column.name] = String(value);
    }
    return draft;
  });
}

/**
 * The lines as the API takes them. A cell that cannot be read as its kind keeps its text, so the
 * schema check names that very cell (`/lines/1/unitPrice`: must be integer) instead of the page
 * guessing; an empty cell is left out (the whole array is replaced on save, so that clears it).
 *
 * @example
 * fromLineDrafts([{ qty: '2', unitPrice: '19,99' }], columns, 2, ',') // [{ qty: 2, unitPrice: 1999 }]
 */
export function fromLineDrafts(
  drafts: readonly LineDraft[],
  columns: readonly LineColumn[],
  digits: number,
  separator: string,
  base: readonly LineRecord[] = [],
): LineRecord[] {
  return drafts.map((draft, index) => {
    // fields the table does not show (a cost center on an invoice line) are kept as they were
    const line: LineRecord = { ...(base[index] ?? {}) };
    for (const column of columns) {
      const text = (draft[column.name] ?? '').trim();
      if (text === '') {
        if (column.emptyAs !== undefined) line[column.name] = column.emptyAs;
        else delete line[column.name];
        continue;
      }
      let value: unknown = text;
      if (column.kind === 'money') value = scaledInteger(text, digits, separator) ?? text;
      else if (column.kind === 'basis-points') value = scaledInteger(text, 2, separator) ?? text;
      else if (column.kind === 'integer') value = scaledInteger(text, 0, separator) ?? text;
      line[column.name] = value;
    }
    return line;
  });
}

/**
 * The lines of a JSON field's draft text, or `[]` when it holds no array (an empty new form).
 *
 * @example
 * linesOf('[{"qty":1}]') // [{ qty: 1 }]
 */
export function linesOf(text: unknown): LineRecord[] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value)
      ? value.filter((line): line is LineRecord => typeof line === 'object' && line !== null)
      : [];
  } catch {
    return [];
  }
}

/** Whole numbers only, for the totals: a line still being typed counts as 0 there. */
export function amountOf(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : 0;
}
