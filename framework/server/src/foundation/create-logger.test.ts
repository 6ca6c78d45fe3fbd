import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { piiFieldsOf } from '../kernel/pii-fields.js';
import { loadAppModel } from '../plugins/load-app-sources.js';
import { salesRoot } from '../plugins/sales-fixture.test-helper.js';
import { createLogger, redactSensitive } from './create-logger.js';

function capture() {
  const chunks: string[] = [];
  return {
    chunks,
    stream: new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    }),
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('piiFieldsOf', () => {
  it('collects the pii-tagged properties of the fixture app, camelCase and snake_case', async () => {
    expect(piiFieldsOf([await loadAppModel(salesRoot)])).toEqual(['contactEmail', 'contact_email']);
  });
});

describe('createLogger', () => {
  const email = 'ada@example.com';

  it('writes one JSON object per line with base fields and a level label', () => {
    const out = capture();
    const logger = createLogger({ destination: out.stream, base: { service: 'prefiq', env: 'test' } });
    logger.info({ step: 'config', duration_ms: 3 }, 'boot step');
    const [line] = out.lines();
    expect(line).toMatchObject({
      level: 'info',
      service: 'prefiq',
      env: 'test',
      step: 'config',
      msg: 'boot step',
    });
    expect(typeof line?.time).toBe('string');
    expect(typeof line?.pid).toBe('number');
  });

  it('never lets a PII value of a logged record reach the output, at any depth', () => {
    const out = capture();
    const logger = createLogger({ destination: out.stream, piiFields: ['contactEmail', 'contact_email'] });
    const record = { id: 'a1', name: 'Acme', contactEmail: email, address: { city: 'Paris' } };
    logger.info({ record }, 'created');
    logger.info({ body: { contactEmail: email } }, 'request');
    logger.info({ items: [{ account: { contactEmail: email } }, record] }, 'listed');
    logger.info({ row: { contact_email: email } }, 'raw row');
    logger.child({ request: { contactEmail: email } }).info('child bindings');
    const error = Object.assign(new Error('unique violation'), { detail: { contactEmail: email } });
    logger.error({ err: error }, 'failed');
    logger.error(Object.assign(new Error('plain'), { contactEmail: email }));
    const text = out.chunks.join('');
    expect(text).not.toContain(email);
    const lines = out.lines();
    expect(lines[0]?.record).toEqual({
      id: 'a1',
      name: 'Acme',
      contactEmail: '[redacted]',
      address: { city: 'Paris' },
    });
    expect(lines[5]?.err).toMatchObject({
      type: 'Error',
      message: 'unique violation',
      detail: { contactEmail: '[redacted]' },
    });
    expect(lines[5]?.err).toMatchObject({ stack: expect.stringContaining('unique violation') });
    expect(lines).toHaveLength(7);
    // the caller's objects are not changed
    expect(record.contactEmail).toBe(email);
  });

  it('reads a given Set on every line, so fields added later are redacted too', () => {
    const out = capture();
    const fields = new Set<string>();
    const logger = createLogger({ destination: out.stream, piiFields: fields });
    fields.add('contactEmail');
    logger.info({ record: { contactEmail: email } }, 'created');
    expect(out.chunks.join('')).not.toContain(email);
  });

  it('always redacts credentials, whatever their case', () => {
    const out = capture();
    const logger = createLogger({ destination: out.stream });
    logger.info(
      {
        headers: { Authorization: 'Bearer abc', cookie: 'sid=1', accept: 'json' },
        user: { password: 'p', name: 'x' },
      },
      'request',
    );
    const [line] = out.lines();
    expect(line?.headers).toEqual({ Authorization: '[redacted]', cookie: '[redacted]', accept: 'json' });
    expect(line?.user).toEqual({ password: '[redacted]', name: 'x' });
  });

  it('redacts in pretty output too', () => {
    const out = capture();
    const logger = createLogger({ destination: out.stream, pretty: true, piiFields: ['contactEmail'] });
    logger.info({ record: { contactEmail: email } }, 'created');
    const text = out.chunks.join('');
    expect(text).toContain('created');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(email);
  });

  it('handles cycles, depth and values it should not walk', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    expect(redactSensitive(cyclic, () => false)).toEqual({ name: 'a', self: '[circular]' });
    let deep: Record<string, unknown> = { secret: 1 };
    for (let i = 0; i < 20; i += 1) deep = { next: deep };
    expect(JSON.stringify(redactSensitive(deep, (k) => k === 'secret'))).toContain('[too deep]');
    const date = new Date(0);
    expect(redactSensitive({ at: date }, () => false)).toEqual({ at: date });
    const shared = { a: 1 };
    const same = { x: shared, y: shared };
    expect(redactSensitive(same, () => false)).toBe(same);
  });

  it("never writes a failed statement's values: drizzle's params, PostgreSQL's detail", () => {
    const out = capture();
    const logger = createLogger({ destination: out.stream });
    const cause = Object.assign(
      new Error('duplicate key value violates unique constraint "people_email_key"'),
      {
        code: '23505',
        detail: `Key (email)=(${email}) already exists.`,
      },
    );
    const error = new DrizzleQueryError('insert into "people" ("email") values ($1)', [email], cause);
    logger.error({ err: error }, 'request failed');
    logger.error({ nested: { failure: error } }, 'again');
    const text = out.chunks.join('');
    expect(text).not.toContain(email);
    const [first] = out.lines();
    expect(first?.err).toMatchObject({
      type: 'DrizzleQueryError',
      message: expect.stringContaining('Failed query: insert into "people" ("email") values ($1)'),
      query: 'insert into "people" ("email") values ($1)',
    });
    expect(first?.err).not.toHaveProperty('params');
  });
});
