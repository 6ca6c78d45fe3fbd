import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { AppManifest } from '@codexion/schema';
import { sql } from 'drizzle-orm';
import { writeMigrationFolder } from '../data/migration-folder.test-helper.js';
import { definePlugin, type PluginDefinition } from '../plugins/define-plugin.js';

export interface ProbeAppOptions {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  /** give the app a migrations folder (a `<name>.notes` table) */
  migrations?: boolean;
}

const pingAction = {
  id: 'ping',
  summary: 'Answers pong with the tenant',
  method: 'GET',
  path: '/ping',
  permission: 'probe:ping:read',
  response: {
    type: 'object',
    additionalProperties: false,
    required: ['pong', 'tenant'],
    properties: { pong: { type: 'boolean' }, tenant: { type: 'string', format: 'uuid', maxLength: 36 } },
  },
};

const slowAction = {
  id: 'slow',
  summary: 'Answers after a while, for drain tests',
  method: 'POST',
  path: '/slow',
  permission: 'probe:slow:run',
  request: {
    type: 'object',
    additionalProperties: false,
    required: ['ms'],
    properties: { ms: { type: 'integer', format: 'int32', minimum: 0, maximum: 10000 } },
  },
  response: {
    type: 'object',
    additionalProperties: false,
    required: ['slept'],
    properties: { slept: { type: 'integer', format: 'int32', minimum: 0, maximum: 10000 } },
  },
};

const countAction = {
  id: 'countNotes',
  summary: 'Counts the notes of the tenant',
  method: 'GET',
  path: '/notes/count',
  permission: 'probe:note:read',
  response: {
    type: 'object',
    additionalProperties: false,
    required: ['count'],
    properties: { count: { type: 'integer', format: 'int64', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } },
  },
};

/**
 * Writes a small app without entities to a temp dir: actions `ping`, `slow` (and `countNotes`
 * with migrations), for kernel tests that must not depend on the resource engine. Returns its root.
 */
export async function writeProbeApp({
  name = 'probe',
  version = '1.0.0',
  dependencies,
  migrations = true,
}: ProbeAppOptions = {}): Promise<ProbeApp> {
  const root = await mkdtemp(join(tmpdir(), `prefiq-${name}-`));
  const actions = migrations ? [pingAction, slowAction, countAction] : [pingAction, slowAction];
  const manifest: AppManifest = {
    name,
    version,
    title: `Probe ${name}`,
    framework: '>=0.1.0',
    ...(dependencies ? { dependencies } : {}),
    permissions: actions.map((action) => ({ name: action.permission.replace('probe:', `${name}:`) })),
  };
  await mkdir(join(root, 'core', 'actions'), { recursive: true });
  await writeFile(join(root, 'core', 'app.json'), JSON.stringify(manifest));
  for (const action of actions) {
    const text = JSON.stringify(action).replaceAll('probe:', `${name}:`);
    await writeFile(join(root, 'core', 'actions', `${action.id}.json`), text);
  }
  if (migrations) {
    await writeMigrationFolder(
      [
        {
          tag: '0000_init',
          when: 1_700_000_000_000,
          statements: [
            `CREATE SCHEMA "${name}"`,
            `CREATE TABLE "${name}"."notes" ("id" serial PRIMARY KEY, "tenant_id" uuid NOT NULL, "text" text NOT NULL)`,
          ],
        },
      ],
      join(root, 'bin', 'migrations'),
    );
  }
  return { root, manifest, migrations };
}

export interface ProbeApp {
  root: string;
  manifest: AppManifest;
  migrations: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The probe app's plugin: its action handlers, plus whatever the test adds. */
export function probePlugin(
  { root, manifest, migrations: withNotes }: ProbeApp,
  extra: Partial<PluginDefinition> = {},
): PluginDefinition {
  return definePlugin({
    manifest,
    root,
    actions: {
      ping: (ctx) => ({ body: { pong: true, tenant: ctx.tenantId } }),
      slow: async (_ctx, input) => {
        const { ms } = input.body as { ms: number };
        await sleep(ms);
        return { body: { slept: ms } };
      },
      ...(withNotes
        ? {
            countNotes: async (ctx) => {
              const result: unknown = await ctx.tx.execute(
                sql`select count(*)::int as count from ${sql.identifier(manifest.name)}.notes`,
              );
              const rows = Array.isArray(result)
                ? result
                : ((result as { rows: { count: number }[] }).rows ?? []);
              return { body: { count: (rows[0] as { count: number } | undefined)?.count ?? 0 } };
            },
          }
        : {}),
    },
    ...extra,
  });
}

/** A log destination that keeps every line, parsed. */
export function logCapture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    stream,
    text: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
