import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type SqlExecutor, tableFingerprint } from './table-fingerprint.js';

/** Reads the database's state, to prove that nothing was written. */
export interface StateProbe {
  /** every table's rows hashed; with a tenant, only that tenant's rows */
  fingerprint(scope?: { tenantId: string }): Promise<Record<string, string>>;
}

/**
 * Serves fingerprints of a database on 127.0.0.1, for test files that run in other processes than
 * the host (vitest workers) and cannot reach an in-memory PGlite: `GET /fingerprint[?tenant=<id>]`.
 *
 * @example
 * const probe = await serveStateProbe(database); // in a global setup
 * project.provide('probeUrl', probe.url);
 */
export async function serveStateProbe(db: SqlExecutor): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://probe');
    const tenantId = url.searchParams.get('tenant');
    if (url.pathname !== '/fingerprint') {
      response.writeHead(404).end();
      return;
    }
    tableFingerprint(db, tenantId === null ? undefined : { tenantId })
      .then((fingerprint) =>
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(fingerprint)),
      )
      .catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The client of {@link serveStateProbe}.
 *
 * @example
 * const probe = stateProbeAt(inject('probeUrl'));
 * const before = await probe.fingerprint();
 */
export function stateProbeAt(url: string): StateProbe {
  return {
    async fingerprint(scope) {
      const response = await fetch(
        `${url}/fingerprint${scope === undefined ? '' : `?tenant=${scope.tenantId}`}`,
      );
      if (!response.ok) throw new Error(`state probe: ${response.status} ${await response.text()}`);
      return (await response.json()) as Record<string, string>;
    },
  };
}
