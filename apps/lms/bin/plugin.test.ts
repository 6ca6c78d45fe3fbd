import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKernel, type Kernel } from '@codexion/framework/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from './plugin.js';

const tenant = '00000000-0000-4000-8000-0000000000aa';
let kernel: Kernel;
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lms-'));
  kernel = createKernel({
    root,
    plugins: [plugin],
    env: { NODE_ENV: 'test', CODEXION_DATABASE__DATA_DIR: 'memory://', CODEXION_LOGGING__LEVEL: 'warn' },
  });
  await kernel.boot();
}, 60_000);

afterAll(async () => {
  await kernel?.shutdown();
  await rm(root, { recursive: true, force: true });
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await kernel.app.request(`/api/lms${path}`, {
    method,
    headers: {
      'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json',
      'x-codexion-tenant': tenant,
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

describe('lms plugin', () => {
  it('creates, reads, updates and deletes a course through the API', async () => {
    const created = await call('POST', '/courses', { title: 'First course', code: 'FC-1' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'First course', status: 'draft', version: 1 });
    const id = String(created.body.id);

    const read = await call('GET', `/courses/${id}`);
    expect(read.status).toBe(200);

    const updated = await call(
      'PATCH',
      `/courses/${id}`,
      { summary: 'Some text' },
      { 'if-match': read.etag ?? '' },
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ summary: 'Some text', version: 2 });

    expect((await call('DELETE', `/courses/${id}`)).status).toBe(204);
    expect((await call('GET', `/courses/${id}`)).status).toBe(404);
  });

  it('answers a broken rule with the rule message on the field, and writes nothing', async () => {
    const course = await call('POST', '/courses', { title: 'Rules', code: 'RU-1' });
    const section = await call('POST', '/sections', { courseId: course.body.id, title: 'One' });
    const refused = await call('POST', '/lessons', {
      courseId: course.body.id,
      sectionId: section.body.id,
      title: 'Empty',
      kind: 'video',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      {
        path: '/body/mediaUrl',
        code: 'media-lesson-needs-url',
        message: 'A video or file lesson needs its address',
      },
    ]);
    const list = await call('GET', '/lessons?q=Empty');
    expect(list.body.items).toEqual([]);
  });

  it('refuses unknown and read-only fields', async () => {
    expect((await call('POST', '/courses', { title: 'x', code: 'X', colour: 'red' })).status).toBe(422);
    expect((await call('POST', '/courses', { title: 'x', code: 'X', id: tenant })).status).toBe(422);
  });
});
