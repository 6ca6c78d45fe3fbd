import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKernel } from './boot.js';
import { logCapture, type ProbeApp, probePlugin, writeProbeApp } from './probe-app.test-helper.js';

const serverUrl = process.env.DATABASE_URL;

/** A database of its own on the server `DATABASE_URL` names, with a password the logs must not show. */
async function ownDatabase(admin: postgres.Sql): Promise<{ name: string; url: string }> {
  const name = `prefiq_kernel_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl ?? '');
  url.pathname = `/${name}`;
  url.password = 'hunter2-secret';
  if (url.username === '') url.username = 'postgres';
  return { name, url: url.toString() };
}

describe.skipIf(serverUrl === undefined || !/^postgres(ql)?:/.test(serverUrl))(
  'createKernel on PostgreSQL',
  () => {
    let admin: postgres.Sql;
    let probe: ProbeApp;
    const databases: string[] = [];

    beforeAll(async () => {
      admin = postgres(serverUrl ?? '', { max: 1, onnotice: () => undefined });
      probe = await writeProbeApp();
    });

    afterAll(async () => {
      for (const name of databases) await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
      await rm(probe.root, { recursive: true, force: true });
    });

    it('boots from DATABASE_URL: migrates, serves, records the version, never logs the password', async () => {
      const { name, url } = await ownDatabase(admin);
      databases.push(name);
      const logs = logCapture();
      const kernel = createKernel({
        root: probe.root,
        plugins: [probePlugin(probe)],
        env: { NODE_ENV: 'test', DATABASE_URL: url },
        logDestination: logs.stream,
      });
      const report = await kernel.boot();
      expect(report.database).toBe(url.replace('hunter2-secret', '***'));
      expect(report.migrations).toEqual([{ name: 'probe', tags: ['0000_init'] }]);
      const count = await kernel.app.request('/api/probe/notes/count');
      expect(await count.json()).toEqual({ count: 0 });
      await kernel.shutdown();

      const own = postgres(url, { max: 1, onnotice: () => undefined });
      try {
        const versions = await own`select plugin, version from prefiq.plugin_versions`;
        expect(versions.map((r) => ({ ...r }))).toEqual([{ plugin: 'probe', version: '1.0.0' }]);
      } finally {
        await own.end({ timeout: 5 });
      }
      expect(logs.text()).not.toContain('hunter2-secret');
      expect(logs.text()).toContain('"database":"postgres://postgres:***@');
    });

    it('--dry-run plans on a fresh database and leaves it without a single table or schema', async () => {
      const { name, url } = await ownDatabase(admin);
      databases.push(name);
      const kernel = createKernel({
        root: probe.root,
        plugins: [probePlugin(probe)],
        env: { NODE_ENV: 'test', DATABASE_URL: url },
        logDestination: logCapture().stream,
      });
      const plan = await kernel.boot({ dryRun: true });
      expect(plan.migrations).toEqual([{ name: 'probe', tags: ['0000_init'] }]);
      expect(plan.upgrades).toEqual([{ plugin: 'probe', from: undefined, to: '1.0.0' }]);
      await kernel.shutdown();

      const own = postgres(url, { max: 1, onnotice: () => undefined });
      try {
        const [tables] = await own`select count(*)::int as n from information_schema.tables
        where table_schema not in ('pg_catalog', 'information_schema')`;
        const schemas = await own`select nspname from pg_namespace
        where nspname in ('probe', 'prefiq', 'codexion_migrations')`;
        expect(tables?.n).toBe(0);
        expect(schemas).toHaveLength(0);
      } finally {
        await own.end({ timeout: 5 });
      }
    });
  },
);
