import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scalarAssetPath, scalarBundlePath } from './docs-routes.js';
import { billingOpenApi, testApp } from './http-test-app.test-helper.js';

describe('API documents', () => {
  const { app } = testApp();

  it('serves each app document and the merged one', async () => {
    const own = await app.request('/api/billing/openapi.json');
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual(billingOpenApi());
    const merged = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(merged.paths)).toContain('/api/billing/invoices/{id}');
  });

  it('needs no tenant for the documents', async () => {
    expect((await app.request('/api/billing/openapi.json')).status).toBe(200);
  });
});

describe('API reference page', () => {
  const { app } = testApp();

  it('serves an HTML page that loads Scalar from this server only', async () => {
    const response = await app.request('/api/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain(`<script src="${scalarAssetPath}"></script>`);
    expect(html).toContain('data-url="/api/openapi.json"');
    expect(html).toContain('&quot;withDefaultFonts&quot;:false');
    expect(html).not.toMatch(/https?:\/\//);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  });

  it('serves the Scalar bundle, gzipped when asked, with an ETag', async () => {
    expect(scalarBundlePath()).toMatch(/@scalar\/api-reference\/dist\/browser\/standalone\.js$/);
    const plain = await app.request(scalarAssetPath);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const script = await plain.text();
    expect(script.length).toBeGreaterThan(1_000_000);
    expect(script).toContain('createApiReference');

    const zipped = await app.request(scalarAssetPath, { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe(script);

    const etag = plain.headers.get('etag') ?? '';
    const cached = await app.request(scalarAssetPath, { headers: { 'If-None-Match': etag } });
    expect(cached.status).toBe(304);
  });

  it('is absent when docs are off, the documents staying', async () => {
    const { app: quiet } = testApp({ docs: false });
    expect((await quiet.request('/api/docs')).status).toBe(404);
    expect((await quiet.request(scalarAssetPath)).status).toBe(404);
    expect((await quiet.request('/api/openapi.json')).status).toBe(200);
  });
});
