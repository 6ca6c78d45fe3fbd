import { readFile } from 'node:fs/promises';
import { daysSince } from '@codexion/framework/fixtures';
import { developmentTenantId } from '@codexion/framework/foundation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRecord } from './crm-engine.test-helper.js';
import { tenantB } from './crm-engine.test-helper.js';
import { type CrmKernel, crmKernel } from './crm-kernel.test-helper.js';

let crm: CrmKernel;
let manifest: { referenceDate: string; files: { entity: string; file: string; count: number }[] };

async function fixture<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(new URL(`../core/fixtures/${file}`, import.meta.url), 'utf8')) as T;
}

beforeAll(async () => {
  crm = await crmKernel();
  manifest = await fixture('manifest.json');
}, 120_000);

afterAll(async () => {
  await crm?.dispose();
}, 30_000);

type Page = { items: ApiRecord[]; nextCursor: string | null; total?: number };

const plural: Record<string, string> = {
  tag: 'Tags',
  pipeline: 'Pipelines',
  stage: 'Stages',
  company: 'Companies',
  person: 'People',
  deal: 'Deals',
  activity: 'Activities',
};
const paths: Record<string, string> = {
  tag: '/tags',
  pipeline: '/pipelines',
  stage: '/stages',
  company: '/companies',
  person: '/people',
  deal: '/deals',
  activity: '/activities',
};

describe('the CRM plugin on the kernel', () => {
  it('boots: migrated, seeded for the development tenant, every action routed', () => {
    expect(crm.report.migrations).toEqual([{ name: 'crm', tags: [] }]);
    expect(crm.report.seeded).toEqual([{ plugin: 'crm', tenantId: developmentTenantId }]);
    const actions = crm.report.routes.filter((r) => /convert|merge|move|win|lose/.test(r.path));
    expect(actions.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'POST /api/crm/companies/{id}/merge',
      'POST /api/crm/deals/{id}/lose',
      'POST /api/crm/deals/{id}/move',
      'POST /api/crm/deals/{id}/win',
      'POST /api/crm/people/{id}/convert',
      'POST /api/crm/people/{id}/merge',
    ]);
  });

  it('serves the demo data: every fixture counted, dates shifted to today', async () => {
    for (const { entity, count } of manifest.files) {
      const page = await crm.call(`list${plural[entity]}`, 'GET', `${paths[entity]}?pageSize=1&total=true`);
      expect(page.contract, entity).toEqual([]);
      expect((page.body as Page).total, entity).toBe(count);
    }
    const shift = daysSince(manifest.referenceDate, new Date().toISOString().slice(0, 10));
    const [deal] = await fixture<ApiRecord[]>('deals.json');
    const seeded = await crm.call('getDeal', 'GET', `/deals/${String(deal?.id)}`);
    expect(seeded.contract).toEqual([]);
    const expected = new Date(
      Date.parse(`${String(deal?.expectedCloseDate)}T00:00:00Z`) + shift * 86_400_000,
    );
    expect(seeded.body.expectedCloseDate).toBe(expected.toISOString().slice(0, 10));
    // another tenant sees none of it
    const elsewhere = await crm.call('listDeals', 'GET', '/deals?total=true', { tenant: tenantB });
    expect((elsewhere.body as Page).total).toBe(0);
    expect((await crm.call('getDeal', 'GET', `/deals/${String(deal?.id)}`, { tenant: tenantB })).status).toBe(
      404,
    );
  });

  it('filters, sorts and pages deals', async () => {
    const open = await crm.call(
      'listDeals',
      'GET',
      '/deals?filter[status]=open&filter[amount][isNull]=false&sort=-amount&pageSize=20&total=true',
    );
    expect(open.contract).toEqual([]);
    const page1 = open.body as Page;
    expect(page1.items).toHaveLength(20);
    expect(page1.items.every((d) => d.status === 'open')).toBe(true);
    const amounts = page1.items.map((d) => Number(d.amount ?? 0));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));

    const next = await crm.call(
      'listDeals',
      'GET',
      `/deals?filter[status]=open&filter[amount][isNull]=false&sort=-amount&pageSize=20&cursor=${encodeURIComponent(page1.nextCursor ?? '')}`,
    );
    expect(next.contract).toEqual([]);
    const page2 = next.body as Page;
    expect(page2.items[0]?.id).not.toBe(page1.items[0]?.id);
    expect(Number(page2.items[0]?.amount ?? 0)).toBeLessThanOrEqual(amounts.at(-1) ?? 0);

    const stageId = String(page1.items[0]?.stageId);
    const column = await crm.call(
      'listDeals',
      'GET',
      `/deals?filter[stageId]=${stageId}&filter[status]=open&sort=rank`,
    );
    expect(column.contract).toEqual([]);
    const ranks = (column.body as Page).items.map((d) => String(d.rank));
    expect(ranks).toEqual([...ranks].sort());
    expect((column.body as Page).items.every((d) => d.stageId === stageId)).toBe(true);
    // sparse fieldsets answer records without their required members, which the contract's
    // Deal schema does not allow yet: checked for content only
    const sparse = await crm.call('listDeals', 'GET', `/deals?filter[stageId]=${stageId}&fields=id,title`);
    expect(Object.keys((sparse.body as Page).items[0] ?? {}).sort()).toEqual(['id', 'title', 'version']);

    const [tag] = await fixture<ApiRecord[]>('tags.json');
    const where = encodeURIComponent(JSON.stringify({ in: [tag?.id, { var: 'tagIds' }] }));
    const tagged = await crm.call('listDeals', 'GET', `/deals?where=${where}&total=true`);
    expect(tagged.contract).toEqual([]);
    expect((tagged.body as Page).items.every((d) => (d.tagIds as string[]).includes(String(tag?.id)))).toBe(
      true,
    );

    const bad = await crm.call('listDeals', 'GET', '/deals?filter[nope]=1');
    expect(bad.status).toBe(400);
    expect(bad.contract).toEqual([]);
  });
});

describe('CRUD through the API, every answer as documented', () => {
  const tenant = tenantB;

  async function crud(entity: string, create: ApiRecord, patch: ApiRecord): Promise<ApiRecord> {
    const type = entity.charAt(0).toUpperCase() + entity.slice(1);
    const created = await crm.call(`create${type}`, 'POST', paths[entity] ?? '', { body: create, tenant });
    expect(created.status, `${entity} ${JSON.stringify(created.body)}`).toBe(201);
    expect(created.contract).toEqual([]);
    const id = String(created.body.id);
    const read = await crm.call(`get${type}`, 'GET', `${paths[entity]}/${id}`, { tenant });
    expect(read.contract).toEqual([]);
    const updated = await crm.call(`update${type}`, 'PATCH', `${paths[entity]}/${id}`, {
      body: patch,
      tenant,
      headers: { 'if-match': read.headers.get('etag') ?? '' },
    });
    expect(updated.status, `${entity} ${JSON.stringify(updated.body)}`).toBe(200);
    expect(updated.contract).toEqual([]);
    expect(updated.body).toMatchObject({ ...patch, version: 2 });
    const listed = await crm.call(`list${plural[entity]}`, 'GET', `${paths[entity]}?total=true`, { tenant });
    expect(listed.contract).toEqual([]);
    expect((listed.body as Page).items.map((r) => r.id)).toContain(id);
    return updated.body;
  }

  async function remove(entity: string, id: unknown, softDelete: boolean): Promise<void> {
    const type = entity.charAt(0).toUpperCase() + entity.slice(1);
    const deleted = await crm.call(`delete${type}`, 'DELETE', `${paths[entity]}/${String(id)}`, { tenant });
    expect(deleted.status).toBe(204);
    expect((await crm.call(`get${type}`, 'GET', `${paths[entity]}/${String(id)}`, { tenant })).status).toBe(
      404,
    );
    if (!softDelete) return;
    const restored = await crm.call(`restore${type}`, 'POST', `${paths[entity]}/${String(id)}/restore`, {
      tenant,
    });
    expect(restored.status).toBe(200);
    expect(restored.contract).toEqual([]);
  }

  it('creates, reads, updates, lists, deletes (and restores) every entity', async () => {
    const tag = await crud('tag', { name: 'Hot', color: 'red' }, { color: 'orange' });
    const pipeline = await crud('pipeline', { name: 'Direct', position: 0 }, { description: 'Inbound' });
    const stage = await crud(
      'stage',
      { pipelineId: pipeline.id, name: 'Lead in', position: 0, probability: 0.1 },
      { probability: 0.15 },
    );
    const company = await crud(
      'company',
      { name: 'Hooli', domain: 'hooli.example', tagIds: [tag.id] },
      { industry: 'software' },
    );
    const person = await crud(
      'person',
      { firstName: 'Gavin', lastName: 'Belson', companyId: company.id },
      { lastName: 'Belson-Hooli' },
    );
    expect(person.name).toBe('Gavin Belson-Hooli');
    const deal = await crud(
      'deal',
      {
        title: 'Hooli: Nucleus',
        companyId: company.id,
        pipelineId: pipeline.id,
        stageId: stage.id,
        amount: 9_900,
      },
      { amount: 19_900 },
    );
    expect(deal).toMatchObject({
      probability: 0.15,
      status: 'open',
      rank: expect.stringMatching(/^[0-9]+$/),
    });
    const activity = await crud(
      'activity',
      { type: 'task', subject: 'Demo', dueDate: '2031-01-01', dealId: deal.id },
      { done: true },
    );
    expect(typeof activity.doneAt).toBe('string');

    // delete from the leaves up: a record others point at is protected (409)
    const stillUsed = await crm.call('deleteCompany', 'DELETE', `/companies/${String(company.id)}`, {
      tenant,
    });
    expect(stillUsed.status).toBe(409);
    expect(stillUsed.contract).toEqual([]);
    await remove('activity', activity.id, true);
    await remove('tag', tag.id, false);
    const untagged = await crm.call('getCompany', 'GET', `/companies/${String(company.id)}`, { tenant });
    expect(untagged.body.tagIds).toEqual([]);
  });

  it('answers bad input with problem details naming the field', async () => {
    const unknown = await crm.call('createDeal', 'POST', '/deals', {
      body: {
        title: 'x',
        pipelineId: 'not-a-uuid',
        stageId: '5f0c1f43-1f9f-4c53-9a3c-1c8a2b0f0d11',
        colour: 'red',
      },
      tenant,
    });
    expect(unknown.status).toBe(422);
    expect(unknown.contract).toEqual([]);
    const paths = (unknown.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/body/pipelineId', '/body/colour']));

    const noIfMatch = await crm.call('updateDeal', 'PATCH', '/deals/5f0c1f43-1f9f-4c53-9a3c-1c8a2b0f0d11', {
      body: { title: 'x' },
      tenant,
    });
    expect(noIfMatch.status).toBe(428);
    expect(noIfMatch.body.code).toBe('PRECONDITION_REQUIRED');
    // not checked against the contract: the generated OpenAPI does not list 428 for updates yet

    const pipelines = await crm.call('listPipelines', 'GET', '/pipelines?sort=position', { tenant });
    const pipeline = (pipelines.body as Page).items[0];
    const stages = await crm.call('listStages', 'GET', '/stages', { tenant });
    const stage = (stages.body as Page).items[0];
    const company = await crm.call('createCompany', 'POST', '/companies', {
      body: { name: 'Raviga' },
      tenant,
    });
    const noContact = await crm.call('createDeal', 'POST', '/deals', {
      body: { title: 'Orphan', pipelineId: pipeline?.id, stageId: stage?.id },
      tenant,
    });
    expect(noContact.status).toBe(422);
    expect(noContact.body.errors).toEqual([
      {
        path: '/body/companyId',
        code: 'needs-company-or-contact',
        message: 'Link the deal to a company or a person',
      },
    ]);
    const otherPipeline = await crm.call('createPipeline', 'POST', '/pipelines', {
      body: { name: 'Partners', position: 5 },
      tenant,
    });
    const outside = await crm.call('createDeal', 'POST', '/deals', {
      body: {
        title: 'Mismatch',
        companyId: company.body.id,
        pipelineId: otherPipeline.body.id,
        stageId: stage?.id,
      },
      tenant,
    });
    expect(outside.status).toBe(422);
    expect(outside.contract).toEqual([]);
    expect(outside.body.errors).toEqual([
      { path: '/body/stageId', code: 'stage-in-pipeline', message: 'The stage belongs to another pipeline' },
    ]);
  });
});
