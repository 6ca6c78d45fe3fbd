import { describe, expect, it } from 'vitest';
import { isLostConnection } from './guard-transaction-sql.js';

describe('isLostConnection', () => {
  it('knows connection errors of PostgreSQL, postgres.js and the socket, also as a cause', () => {
    const socket = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(isLostConnection(socket)).toBe(true);
    expect(isLostConnection(new Error('Failed query', { cause: socket }))).toBe(true);
    expect(isLostConnection(Object.assign(new Error('gone'), { code: 'CONNECTION_CLOSED' }))).toBe(true);
    expect(isLostConnection(Object.assign(new Error('terminating'), { code: '57P01' }))).toBe(true);
  });

  it('leaves statement errors alone', () => {
    expect(isLostConnection(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isLostConnection(new Error('no code'))).toBe(false);
    expect(isLostConnection(undefined)).toBe(false);
  });
});
