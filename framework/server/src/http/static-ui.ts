import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';

export interface StaticUiOptions {
  /** folder of a built single-page app: its `index.html` and what it loads (Vite's `dist`) */
  dir: string;
  /** path prefixes the UI never answers, so the API and the probes keep their own 404s */
  reserved?: readonly string[];
  /** folder (under `dir`) of content-hashed files, cached for a year; Vite's `assets` */
  immutableDir?: string;
  /** the Content-Security-Policy of the UI's files; {@link uiContentSecurityPolicy} unless given */
  contentSecurityPolicy?: string;
}

/**
 * The UI's policy: the API's (everything from this origin, inline styles for the components'
 * computed positions and chart colours) plus `'unsafe-eval'` for scripts, because the forms
 * validate with Ajv — the same schemas as the server — and Ajv compiles validators with
 * `new Function`. Precompiled (standalone) validators would let this go.
 */
export const uiContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** What the framework serves itself; a UI must never shadow these. */
export const reservedUiPrefixes = ['/api', '/healthz', '/readyz', '/metrics'] as const;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

const immutable = 'public, max-age=31536000, immutable';
// revalidate every time: a new deploy must reach the next page load, the ETag keeps it cheap
const revalidate = 'no-cache';

function isReserved(path: string, reserved: readonly string[]): boolean {
  return reserved.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** A request the browser makes to show a page (a client route), as opposed to one for a file. */
function wantsPage(path: string, accept: string | undefined): boolean {
  if (extname(path) === '') return true;
  return accept?.includes('text/html') ?? false;
}

async function fileAt(
  root: string,
  urlPath: string,
): Promise<{ path: string; size: number; mtimeMs: number } | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  // no dotfiles (a build stamp, `.well-known` left out on purpose) and nothing outside the folder
  if (decoded.includes('\0') || decoded.split('/').some((part) => part.startsWith('.'))) return undefined;
  const path = resolve(root, `.${decoded}`);
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size, mtimeMs: info.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves a built single-page app from a folder, beside the API on the same port: files as they are
 * (content-hashed ones under `assets/` cached for a year, the rest revalidated by ETag), and
 * `index.html` for any other GET that asks for a page, so client routes survive a reload. Never
 * answers under `/api`, `/healthz`, `/readyz` or `/metrics`, nor for other methods: those fall
 * through to the API's own 404 and 405. Register it after the routes.
 *
 * @example
 * app.use('*', staticUi({ dir: 'apps/crm/dist/web' }));
 */
export function staticUi({
  dir,
  reserved = reservedUiPrefixes,
  immutableDir = 'assets',
  contentSecurityPolicy = uiContentSecurityPolicy,
}: StaticUiOptions): MiddlewareHandler<AppEnv> {
  const root = resolve(dir);
  const immutablePrefix = `/${immutableDir.replace(/^\/+|\/+$/g, '')}/`;
  return async (c, next) => {
    const method = c.req.method;
    const path = c.req.path;
    if ((method !== 'GET' && method !== 'HEAD') || isReserved(path, reserved)) return next();
    let file = await fileAt(root, path);
    let cacheControl = file && path.startsWith(immutablePrefix) ? immutable : revalidate;
    if (!file && wantsPage(path, c.req.header('accept'))) {
      file = await fileAt(root, '/index.html');
      cacheControl = revalidate;
    }
    if (!file) return next();
    const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
    const headers: Record<string, string> = {
      'content-type': contentTypes[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': cacheControl,
      'content-security-policy': contentSecurityPolicy,
      etag,
    };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    headers['content-length'] = String(file.size);
    if (method === 'HEAD') return c.body(null, 200, headers);
    return c.body(await readFile(file.path), 200, headers);
  };
}
