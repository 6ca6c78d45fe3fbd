import { describe, expect, it } from 'vitest';
import { type CsvColumn, csvAnswer, csvContentType, csvText } from './csv-answer.js';

interface Line {
  account: string;
  note: string | null;
  amount: number;
  tags?: string[];
}

const columns: CsvColumn<Line>[] = [
  { key: 'account', header: 'Account' },
  { key: 'note', header: 'Note' },
  { key: 'amount', header: 'Amount', format: (minor) => minor / 100 },
];

describe('csvText', () => {
  it('writes a header line and one CRLF-ended record per row', () => {
    expect(csvText([{ account: '1000 Cash', note: null, amount: 1250 }], columns)).toBe(
      'Account,Note,Amount\r\n1000 Cash,,12.5\r\n',
    );
    expect(csvText([], columns)).toBe('Account,Note,Amount\r\n');
  });

  it('quotes fields holding a comma, a quote, CR or LF, and doubles the quotes (RFC 4180)', () => {
    const rows: Line[] = [
      { account: 'Acme, Inc.', note: 'said "no"', amount: 0 },
      { account: 'line\nbreak', note: 'carriage\rreturn', amount: 1 },
    ];
    expect(csvText(rows, columns)).toBe(
      'Account,Note,Amount\r\n"Acme, Inc.","said ""no""",0\r\n"line\nbreak","carriage\rreturn",0.01\r\n',
    );
  });

  it('escapes text a spreadsheet would run as a formula, but keeps negative numbers numbers', () => {
    const rows: Line[] = ['=SUM(A1:A9)', '+1', '-12.50', '@cmd', '\tx', '\ry'].map((note) => ({
      account: 'a',
      note,
      amount: -1250,
    }));
    const records = csvText(rows, columns).split('\r\n').slice(1, -1);
    expect(records).toEqual([
      "a,'=SUM(A1:A9),-12.5",
      "a,'+1,-12.5",
      "a,'-12.50,-12.5",
      "a,'@cmd,-12.5",
      "a,'\tx,-12.5",
      // the carriage return both starts a formula and asks for quotes
      'a,"\'\ry",-12.5',
    ]);
  });

  it('escapes a formula in a header and after formatting, the escape inside the quotes', () => {
    const text = csvText(
      [{ account: 'x', note: null, amount: 5 }],
      [
        { key: 'account', header: '=HYPERLINK("x")' },
        { key: 'amount', header: 'Amount', format: (value) => `-${value},00` },
      ],
    );
    expect(text).toBe('"\'=HYPERLINK(""x"")",Amount\r\nx,"\'-5,00"\r\n');
  });

  it('writes bigints, booleans, dates, arrays and objects, and nothing for null and undefined', () => {
    const text = csvText(
      [
        {
          id: 90071992547409930n,
          open: true,
          at: new Date('2026-01-31T00:00:00Z'),
          tags: ['a', 'b'],
          meta: { k: 1 },
          gone: undefined,
        },
      ],
      [
        { key: 'id', header: 'id' },
        { key: 'open', header: 'open' },
        { key: 'at', header: 'at' },
        { key: 'tags', header: 'tags' },
        { key: 'meta', header: 'meta' },
        { key: 'gone', header: 'gone' },
      ],
    );
    expect(text).toBe(
      'id,open,at,tags,meta,gone\r\n90071992547409930,true,2026-01-31T00:00:00.000Z,a; b,"{""k"":1}",\r\n',
    );
  });
});

describe('csvAnswer', () => {
  it('answers UTF-8 CSV as an attachment with the given name', async () => {
    const response = csvAnswer([{ account: 'Müller GmbH', note: '€', amount: -99 }], columns, {
      filename: 'trial-balance.csv',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(csvContentType);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="trial-balance.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(
      'Account,Note,Amount\r\nMüller GmbH,€,-0.99\r\n',
    );
  });

  it('keeps a name a header cannot carry out of the ASCII filename and gives it exactly as filename*', () => {
    const disposition = (filename: string) =>
      csvAnswer([], columns, { filename }).headers.get('content-disposition');
    expect(disposition('Bilanz 2026 "Q1".csv')).toBe(
      'attachment; filename="Bilanz 2026 _Q1_.csv"; filename*=UTF-8\'\'Bilanz%202026%20%22Q1%22.csv',
    );
    expect(disposition('Größen.csv')).toBe(
      'attachment; filename="Gr__en.csv"; filename*=UTF-8\'\'Gr%C3%B6%C3%9Fen.csv',
    );
    expect(disposition('a\r\nSet-Cookie: x.csv')).toBe(
      'attachment; filename="a__Set-Cookie: x.csv"; filename*=UTF-8\'\'a%0D%0ASet-Cookie%3A%20x.csv',
    );
    expect(disposition('')).toBe('attachment; filename="export.csv"');
  });
});
