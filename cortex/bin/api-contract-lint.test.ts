import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CortexUnderTest, cortexUnderTest } from './cortex-host.test-helper.js';

const repo = resolve(import.meta.dirname, '../..');
/** `spectral:oas` plus the OWASP API Security 2023 ruleset: what CI and developers run */
const ruleset = join(repo, '.spectral.yaml');
const guide = join(repo, 'docs/guides/api-contract-lint.md');
const severities = ['error', 'warning', 'info', 'hint'] as const;

interface SpectralFinding {
  code: string;
  message: string;
  path: string[];
  severity: 0 | 1 | 2 | 3;
}

/** Runs the Spectral CLI on `document`, as `npx spectral lint --ruleset .spectral.yaml` does. */
async function spectral(document: unknown): Promise<SpectralFinding[]> {
  const dir = await mkdtemp(join(tmpdir(), 'codexion-spectral-'));
  try {
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(document, null, 2));
    const stdout = await new Promise<string>((done, fail) => {
      execFile(
        process.execPath,
        [
          join(repo, 'node_modules/@stoplight/spectral-cli/dist/index.js'),
          'lint',
          '--ruleset',
          ruleset,
          '--format',
          'json',
          '--quiet',
          file,
        ],
        { maxBuffer: 64 * 1024 * 1024 },
        (error, out, err) => {
          // exit 1 with a JSON list: it found errors; anything else is Spectral failing
          if (error !== null && (error.code !== 1 || !out.trimStart().startsWith('[')))
            fail(new Error(`spectral failed (${error.code}): ${err}`));
          else done(out);
        },
      );
    });
    return JSON.parse(stdout) as SpectralFinding[];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function counts(findings: readonly SpectralFinding[]): Record<string, number> {
  const byKind: Record<string, number> = {};
  for (const f of findings) {
    const kind = `${severities[f.severity]} ${f.code}`;
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  return byKind;
}

/** The rule codes the guide's table of warnings lists and justifies: `| \`code\` | n | why |`. */
async function documentedWarnings(): Promise<Set<string>> {
  const text = await readFile(guide, 'utf8');
  const section = text.split(/^## /m).find((part) => part.startsWith('Warnings left')) ?? '';
  return new Set([...section.matchAll(/^\|\s*`([^`]+)`\s*\|/gm)].map((m) => m[1] ?? ''));
}

describe('the merged contract, as the console serves it at /api/openapi.json', () => {
  let t: CortexUnderTest;
  let served: unknown;

  beforeAll(async () => {
    t = await cortexUnderTest();
    const answer = await t.anonymous.request('GET', '/api/openapi.json');
    expect(answer.status).toBe(200);
    served = answer.body;
  }, 120_000);
  afterAll(() => t?.dispose());

  it('passes spectral:oas and the OWASP API Security ruleset with 0 errors, and warns only as documented', async () => {
    const findings = await spectral(served);
    const errors = findings.filter((f) => f.severity === 0);
    const warnings = findings.filter((f) => f.severity === 1);
    console.log(
      `spectral (oas + owasp) on /api/openapi.json: ${errors.length} errors, ${warnings.length} warnings, ` +
        `${findings.length - errors.length - warnings.length} infos and hints\n` +
        Object.entries(counts(findings))
          .sort(([, a], [, b]) => b - a)
          .map(([kind, n]) => `  ${n}\t${kind}`)
          .join('\n'),
    );
    expect(errors.map((e) => `${e.code} at ${e.path.join('.')}: ${e.message}`)).toEqual([]);
    const documented = await documentedWarnings();
    const kinds = new Set(warnings.map((w) => w.code));
    // a new kind of warning needs its line (and its reason) in docs/guides/api-contract-lint.md
    expect([...kinds].filter((kind) => !documented.has(kind)).sort()).toEqual([]);
    // and a kind that is gone leaves it, so the guide stays true
    expect([...documented].filter((kind) => !kinds.has(kind)).sort()).toEqual([]);
  }, 180_000);

  it('is linted by the OWASP rules for real: an unbounded string or a missing rate limit is an error', async () => {
    const findings = await spectral({
      openapi: '3.1.0',
      info: { title: 'Probe', version: '1.0.0', description: 'A probe', contact: { name: 'Probe' } },
      servers: [{ url: 'https://api.example.com', description: 'production', 'x-internal': false }],
      tags: [{ name: 'probe', description: 'probe' }],
      paths: {
        '/probe': {
          get: {
            operationId: 'probe',
            summary: 'Probe',
            description: 'Probe',
            tags: ['probe'],
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { type: 'string' } } },
              },
            },
          },
        },
      },
    });
    expect(findings.filter((f) => f.severity === 0).map((f) => f.code)).toEqual(
      expect.arrayContaining(['owasp:api4:2023-string-limit', 'owasp:api4:2023-rate-limit']),
    );
  }, 60_000);
});
