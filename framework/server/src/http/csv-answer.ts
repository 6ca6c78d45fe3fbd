/** What a CSV cell may hold: numbers and bigints are written as numbers, the rest as text. */
export type CsvValue = string | number | bigint | boolean | Date | object | null | undefined;

/**
 * One column of a CSV answer: the row's field, the header line's text, and optionally how to turn
 * the field into a cell (a money column's minor units into a decimal, say).
 */
export type CsvColumn<Row> = {
  [K in keyof Row & string]: {
    key: K;
    header: string;
    format?: (value: Row[K], row: Row) => CsvValue;
  };
}[keyof Row & string];

export interface CsvAnswerOptions {
  /** the download's name; characters a header cannot carry are replaced in the ASCII name */
  filename: string;
  /** the status; 200 unless given */
  status?: number;
}

/** The content type of a CSV answer: text, UTF-8 (RFC 4180 §3, RFC 7111). */
export const csvContentType = 'text/csv; charset=utf-8';

// a spreadsheet reads a text cell starting with one of these as a formula (OWASP "CSV injection")
const formulaStart = /^[=+\-@\t\r]/;
// RFC 4180 §2.6: a field with a separator, a quote or a line break goes between quotes
const needsQuotes = /[",\r\n]/;

/**
 * One field of a CSV record: numbers as they are (a negative amount stays `-12.5`), text with a
 * leading `'` where a spreadsheet would take it for a formula, then quoted where RFC 4180 asks.
 * Arrays are joined with `; `, other objects written as JSON, null and undefined as nothing.
 */
function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'boolean') text = String(value);
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? '' : value.toISOString();
  else if (Array.isArray(value))
    text = value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join('; ');
  else text = JSON.stringify(value) ?? '';
  if (formulaStart.test(text)) text = `'${text}`;
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The CSV text of `rows` (RFC 4180): a header line, then one record per row, every line ended by
 * CRLF. Number cells are written as numbers; text cells that start with `= + - @ TAB CR` get a
 * leading `'` so a spreadsheet shows them instead of running them.
 *
 * @example
 * csvText([{ name: 'Acme, Inc.', balance: -1250 }], [
 *   { key: 'name', header: 'Name' },
 *   { key: 'balance', header: 'Balance', format: (minor) => minor / 100 },
 * ]); // 'Name,Balance\r\n"Acme, Inc.",-12.5\r\n'
 */
export function csvText<Row>(rows: Iterable<Row>, columns: readonly CsvColumn<Row>[]): string {
  const lines = [columns.map((column) => csvField(column.header)).join(',')];
  for (const row of rows) {
    lines.push(
      columns
        .map(({ key, format }) => {
          const value = row[key];
          return csvField(format === undefined ? (value as CsvValue) : format(value, row));
        })
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * `Content-Disposition: attachment` for `filename`: an ASCII `filename` every client reads
 * (quotes, backslashes, control and non-ASCII characters replaced by `_`; `export.csv` for a blank name), and the exact name as
 * `filename*` (RFC 6266, RFC 8187) when it is not plain ASCII.
 */
function attachment(filename: string): string {
  const name = filename.trim() || 'export.csv';
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  if (ascii === name) return `attachment; filename="${ascii}"`;
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Answers `rows` as a CSV download (see {@link csvText}): UTF-8, `text/csv; charset=utf-8`,
 * `Content-Disposition: attachment`. A route returns it as is; an action handler returns it in
 * place of its JSON result, e.g. when its GET request asks `?format=csv`.
 *
 * @example
 * if (query.format === 'csv')
 *   return csvAnswer(balances, [
 *     { key: 'account', header: 'Account' },
 *     { key: 'debit', header: 'Debit', format: (minor) => minor / 100 },
 *   ], { filename: 'trial-balance.csv' });
 */
export function csvAnswer<Row>(
  rows: Iterable<Row>,
  columns: readonly CsvColumn<Row>[],
  { filename, status = 200 }: CsvAnswerOptions,
): Response {
  return new Response(csvText(rows, columns), {
    status,
    headers: { 'content-type': csvContentType, 'content-disposition': attachment(filename) },
  });
}
