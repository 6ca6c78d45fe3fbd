import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantHeaders, testApp } from './http-test-app.test-helper.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'static-ui-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(join(dir, 'assets', 'main-abc123.js'), 'console.log(1)');
  await writeFile(join(dir, 'favicon.svg'), '<svg/>');
  await writeFile(join(dir, '.build-stamp.json'), '{}');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function uiApp() {
  return testApp({ staticUi: { dir } }).app;
}

describe('static UI beside the API', () => {
  it('serves index.html at / and for client routes, revalidated on every load', async () => {
    const app = uiApp();
    for (const path of ['/', '/deals/42', '/settings/pipelines']) {
      const response = await app.request(path, { headers: { accept: 'text/html' } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      // Ajv in the browser compiles validators with new Function
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'unsafe-eval'");
      expect(await response.text()).toContain('id="root"');
    }
  });

  it('caches hashed assets for a year and answers a matching ETag with 304', async () => {
    const app = uiApp();
    const response = await app.request('/assets/main-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = response.headers.get('etag') ?? '';
    const again = await app.request('/assets/main-abc123.js', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const icon = await app.request('/favicon.svg');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('never shadows the API, the probes or the metrics', async () => {
    const app = uiApp();
    const missing = await app.request('/api/billing/nowhere', { headers: { accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    const api = await app.request('/api/billing/invoices', { headers: tenantHeaders() });
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
    expect(api.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    expect((await app.request('/healthz')).headers.get('content-type')).toMatch(/json/);
    expect((await app.request('/metrics')).headers.get('content-type')).toMatch(/^text\/plain/);
    expect((await app.request('/api', { headers: { accept: 'text/html' } })).status).toBe(404);
  });

  it('answers a missing file, a dotfile, a way out of the folder and other methods with 404/405', async () => {
    const app = uiApp();
    expect((await app.request('/assets/gone.js')).status).toBe(404);
    expect((await app.request('/.build-stamp.json')).status).toBe(404);
    expect((await app.request('/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    const outside = await app.request('/%2e%2e/%2e%2e/etc/passwd', { headers: { accept: 'text/html' } });
    expect(await outside.text()).not.toContain('root:');
    expect((await app.request('/%2e%2e/%2e%2e/etc/hosts.txt')).status).toBe(404);
    expect((await app.request('/deals', { method: 'POST' })).status).toBe(404);
  });
});
