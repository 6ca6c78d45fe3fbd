import { describe, expect, it } from 'vitest';
import { createClient, createConfig } from './index.js';

describe('@codexion/client', () => {
  it('sends a typed request through the configured fetch and parses the JSON answer', async () => {
    const seen: Request[] = [];
    const client = createClient(
      createConfig({
        baseUrl: '/api/crm',
        fetch: async (input: RequestInfo | URL) => {
          const request = input instanceof Request ? input : new Request(input);
          seen.push(request);
          return Response.json({ id: 'd1', stageId: 's2' });
        },
      }),
    );
    // a relative base URL needs an origin outside a browser
    client.setConfig({ baseUrl: 'http://localhost/api/crm' });
    const { data, response } = await client.post({
      url: '/deals/{id}/move',
      path: { id: 'd1' },
      body: { stageId: 's2' },
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual({ id: 'd1', stageId: 's2' });
    expect(seen[0]?.url).toBe('http://localhost/api/crm/deals/d1/move');
    expect(seen[0]?.method).toBe('POST');
    expect(await seen[0]?.json()).toEqual({ stageId: 's2' });
  });

  it('keeps one configuration per client: each app its own base URL', () => {
    const crm = createClient(createConfig({ baseUrl: '/api/crm' }));
    const cortex = createClient(createConfig({ baseUrl: '/api/cortex' }));
    crm.setConfig({ credentials: 'include' });
    expect(crm.getConfig().baseUrl).toBe('/api/crm');
    expect(cortex.getConfig().baseUrl).toBe('/api/cortex');
    expect(cortex.getConfig().credentials).toBeUndefined();
  });
});
