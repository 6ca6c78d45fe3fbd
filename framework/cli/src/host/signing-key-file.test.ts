import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localSigningKey } from './signing-key-file.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'prefiq-key-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

const none = { keys: {} };

describe('localSigningKey', () => {
  it('keeps one Ed25519 key in a 0600 file across starts', async () => {
    const file = join(folder, 'crm-jwt-key.pem');
    const first = await localSigningKey({ env: 'development', jwt: none }, file);
    expect(first).toContain('BEGIN PRIVATE KEY');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await localSigningKey({ env: 'development', jwt: none }, file)).toBe(first);
  });

  it('keeps none in production, with configured keys, or without a file', async () => {
    const file = join(folder, 'other-jwt-key.pem');
    expect(await localSigningKey({ env: 'production', jwt: none }, file)).toBeUndefined();
    expect(
      await localSigningKey({ env: 'development', jwt: { activeKid: 'k1', keys: { k1: {} } } }, file),
    ).toBeUndefined();
    expect(await localSigningKey({ env: 'development', jwt: none }, undefined)).toBeUndefined();
    await expect(stat(file)).rejects.toThrow();
  });
});
