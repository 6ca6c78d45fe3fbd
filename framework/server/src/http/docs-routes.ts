import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { OpenApiDocument } from '@codexion/schema';
import { Hono } from 'hono';
import type { AppEnv } from './app-env.js';
import type { MountedDocument } from './merge-openapi.js';

/** Where the API reference page loads Scalar from: this server, never a CDN. */
export const scalarAssetPath = '/api/docs/scalar.js';

/**
 * The browser bundle of the installed `@scalar/api-reference`, found from this module (not the
 * working directory, which differs between `npm start`, tests and a container).
 */
export function scalarBundlePath(): string {
  return createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js');
}

interface Asset {
  body: Buffer;
  gzipped: Buffer;
  etag: string;
}

let scalarAsset: Promise<Asset> | undefined;

/** Read and compressed once per process, on first request: 3.5 MB that most boots never serve. */
function loadScalar(): Promise<Asset> {
  scalarAsset ??= (async () => {
    const body = await readFile(scalarBundlePath());
    const gzipped = await promisify(gzip)(body);
    return { body, gzipped, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"` };
  })();
  scalarAsset.catch(() => {
    scalarAsset = undefined;
  });
  return scalarAsset;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Scalar settings for an offline, self-contained page: no web fonts from fonts.scalar.com, no
 * telemetry, no AI agent; the document comes from this server.
 */
const scalarConfiguration = {
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  showDeveloperTools: 'never',
  documentDownloadType: 'json',
};

/**
 * The API reference page: Scalar, served by this server, reading `specUrl`. No inline script (the
 * CSP allows none) and no external URL.
 *
 * @example
 * docsPage({ title: 'Codexion API', specUrl: '/api/openapi.json' });
 */
export function docsPage({ title, specUrl }: { title: string; specUrl: string }): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
  </head>
  <body>
    <script id="api-reference" data-url="${escapeHtml(specUrl)}" data-configuration="${escapeHtml(JSON.stringify(scalarConfiguration))}"></script>
    <script src="${scalarAssetPath}"></script>
  </body>
</html>
`;
}

export interface DocsRoutesOptions {
  apps: readonly MountedDocument[];
  /** the merged document of all apps, for `/api/openapi.json` */
  merged: OpenApiDocument;
  /** serve the reference page; the documents are served regardless, clients need them */
  docs?: boolean;
}

/**
 * `/api/<app>/openapi.json` for each app, `/api/openapi.json` (all apps), and unless turned off
 * `/api/docs` (Scalar API reference) with its script at {@link scalarAssetPath}.
 *
 * @example
 * app.route('/', docsRoutes({ apps, merged: mergeOpenApi(apps) }));
 */
export function docsRoutes({ apps, merged, docs = true }: DocsRoutesOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/api/openapi.json', (c) => {
    c.set('routeTemplate', '/api/openapi.json');
    return c.json(merged);
  });
  for (const { name, openapi } of apps) {
    const template = `/api/${name}/openapi.json`;
    routes.get(template, (c) => {
      c.set('routeTemplate', template);
      return c.json(openapi);
    });
  }
  if (!docs) return routes;

  const page = docsPage({ title: merged.info.title, specUrl: '/api/openapi.json' });
  routes.get('/api/docs', (c) => {
    c.set('routeTemplate', '/api/docs');
    return c.html(page);
  });
  routes.get(scalarAssetPath, async (c) => {
    c.set('routeTemplate', scalarAssetPath);
    const asset = await loadScalar();
    const headers: Record<string, string> = {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
      ETag: asset.etag,
      Vary: 'Accept-Encoding',
    };
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304, headers);
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      return c.body(new Uint8Array(asset.gzipped), 200, { ...headers, 'Content-Encoding': 'gzip' });
    }
    return c.body(new Uint8Array(asset.body), 200, headers);
  });
  return routes;
}
