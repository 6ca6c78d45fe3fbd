import { randomUUID } from 'node:crypto';
import { developmentTenantId } from '@codexion/framework/foundation';
import { DatabaseToken } from '@codexion/framework/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrmKernel, crmKernel } from './crm-kernel.test-helper.js';

/**
 * What an outside attack on a running console got through, as the CRM's API meets it: each case
 * answered 4xx problem+json naming the field, nothing written.
 */
let crm: CrmKernel;
const otherTenant = '7e7e7e7e-0000-4000-8000-00000000007e';
const member = randomUUID();
const stranger = randomUUID();

/** `{"a":{"a":…{"leaf":true}…}}`, `depth` objects deep, written as text (a value this deep would overflow `JSON.stringify`). */
function nested(depth: number): string {
  return `${'{"a":'.repeat(depth - 1)}{"leaf":true}${'}'.repeat(depth - 1)}`;
}

async function tagCount(): Promise<number> {
  const page = await crm.call('listTags', 'GET', '/tags?total=true&pageSize=1');
  return (page.body as { total: number }).total;
}

beforeAll(async () => {
  crm = await crmKernel();
  const database = crm.kernel.container.resolve(DatabaseToken);
  // a member of the development tenant, and a user who is a member of another tenant only
  await database.execute(
    `insert into prefiq.users (id, email, name) values ($1, 'rep@hostile.example', 'Rep'), ($2, 'else@hostile.example', 'Else')`,
    [member, stranger],
  );
  await database.execute(
    `insert into prefiq.tenants (id, name, slug) values ($1, 'Other', 'other-hostile')`,
    [otherTenant],
  );
  await database.execute(
    `insert into prefiq.roles (tenant_id, key, name, built_in) values ($1, 'member', 'Member', true), ($2, 'member', 'Member', true) on conflict do nothing`,
    [developmentTenantId, otherTenant],
  );
  await database.execute(
    `insert into prefiq.memberships (tenant_id, user_id, role) values ($1, $2, 'member'), ($3, $4, 'member')`,
    [developmentTenantId, member, otherTenant, stranger],
  );
}, 120_000);

afterAll(async () => {
  await crm?.dispose();
});

describe('hostile input to the CRM', () => {
  it('refuses a custom object nested deeper than 32 levels, at any size, before anything runs', async () => {
    const before = await tagCount();
    for (const depth of [70, 5_000, 100_000]) {
      const answer = await crm.call('createTag', 'POST', '/tags', {
        body: `{"name":"deep ${depth}","custom":${nested(depth)}}`,
      });
      expect(answer.status).toBe(422);
      expect(answer.contract).toEqual([]);
      expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      const [issue] = answer.body.errors as { path: string; code: string }[];
      expect(issue).toMatchObject({ code: 'maxDepth' });
      expect(issue?.path.startsWith('/body/custom/a/a/')).toBe(true);
    }
    expect(await tagCount()).toBe(before);
    // custom fields themselves are declared at most 5 levels deep
    const fine = await crm.call('createTag', 'POST', '/tags', {
      body: `{"name":"deep ok","custom":${nested(5)}}`,
    });
    expect(fine.status).toBe(201);
    const past = await crm.call('createTag', 'POST', '/tags', {
      body: `{"name":"deep custom","custom":${nested(6)}}`,
    });
    expect(past.status).toBe(422);
  });

  it('refuses NUL and unpaired surrogates in bodies, queries and paths with the field named', async () => {
    const before = await tagCount();
    const nul = await crm.call('createTag', 'POST', '/tags', { body: { name: 'a\u0000b' } });
    expect(nul.status).toBe(422);
    expect(nul.body.errors).toEqual([
      { path: '/body/name', code: 'nul', message: 'must not contain U+0000 (NUL)' },
    ]);
    const surrogate = await crm.call('createTag', 'POST', '/tags', { body: '{"name":"a\\ud800b"}' });
    expect(surrogate.status).toBe(422);
    expect(surrogate.body.errors).toMatchObject([{ path: '/body/name', code: 'surrogate' }]);
    const key = await crm.call('createTag', 'POST', '/tags', {
      body: { name: 'x', custom: { 'k\u0000': 1 } },
    });
    expect(key.status).toBe(422);
    expect(key.body.errors).toMatchObject([{ path: '/body/custom/k\u0000', code: 'nul' }]);
    const bulk = await crm.call('bulkCreateTags', 'POST', '/tags/bulk', {
      body: { items: [{ name: 'fine' }, { name: 'bad\u0000' }] },
    });
    expect(bulk.status).toBe(422);
    expect(bulk.body.errors).toMatchObject([{ path: '/body/items/1/name', code: 'nul' }]);
    expect(await tagCount()).toBe(before);

    const people = await crm.call('createPerson', 'POST', '/people', {
      body: { firstName: 'Ann\u0000', lastName: 'Pii', email: 'ann.pii@hostile.example' },
    });
    expect(people.status).toBe(422);
    expect(JSON.stringify(people.body)).not.toContain('ann.pii@hostile.example');

    for (const path of [
      '/people?q=%00',
      '/deals?q=a%00b',
      '/deals?filter[title][eq]=%00',
      '/deals?sort=%00',
    ]) {
      const listed = await crm.call(path.startsWith('/people') ? 'listPeople' : 'listDeals', 'GET', path);
      expect(listed.status, path).toBe(400);
      expect(listed.contract, path).toEqual([]);
      expect(listed.body.errors, path).toMatchObject([{ code: 'nul' }]);
    }
    const where = await crm.call(
      'listDeals',
      'GET',
      `/deals?where=${encodeURIComponent('{"==":[{"var":"title"},"\\u0000"]}')}`,
    );
    expect(where.status).toBe(400);
    expect(where.body).toMatchObject({ code: 'INVALID_FILTER', errors: [{ code: 'nul' }] });
    const byId = await crm.call('getDeal', 'GET', '/deals/%00');
    expect(byId.status).toBe(400);
    expect(byId.body.errors).toContainEqual({
      path: '/params/id',
      code: 'nul',
      message: 'must not contain U+0000 (NUL)',
    });
  });

  it('checks user ids as references: a member of the tenant, nobody else', async () => {
    const [stage] = (await crm.call('listStages', 'GET', '/stages?pageSize=1')).body.items as {
      id: string;
      pipelineId: string;
    }[];
    const [company] = (await crm.call('listCompanies', 'GET', '/companies?pageSize=1')).body.items as {
      id: string;
    }[];
    if (stage === undefined || company === undefined) throw new Error('the seed has no stage or company');
    const deal = (ownerId: string | null) => ({
      title: `Owned by ${ownerId}`,
      companyId: company.id,
      pipelineId: stage.pipelineId,
      stageId: stage.id,
      ownerId,
    });
    for (const ownerId of [stranger, randomUUID()]) {
      const refused = await crm.call('createDeal', 'POST', '/deals', { body: deal(ownerId) });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([
        { path: '/body/ownerId', code: 'reference', message: 'refers to no member of this tenant' },
      ]);
    }
    const owned = await crm.call('createDeal', 'POST', '/deals', { body: deal(member) });
    expect(owned.status).toBe(201);
    const id = String(owned.body.id);
    const moved = await crm.call('updateDeal', 'PATCH', `/deals/${id}`, {
      body: { ownerId: stranger },
      headers: { 'if-match': owned.headers.get('etag') ?? '' },
    });
    expect(moved.status).toBe(422);
    expect(moved.body.errors).toMatchObject([{ path: '/body/ownerId', code: 'reference' }]);

    const activity = await crm.call('createActivity', 'POST', '/activities', {
      body: { type: 'task', subject: 'Call back', dueDate: '2030-01-01', dealId: id, assigneeId: stranger },
    });
    expect(activity.status).toBe(422);
    expect(activity.body.errors).toMatchObject([{ path: '/body/assigneeId', code: 'reference' }]);
  });

  it('keeps the board rank server-set: refused in creates and patches, still set by the move action', async () => {
    const [deal] = (await crm.call('listDeals', 'GET', '/deals?pageSize=1&filter[status][eq]=open')).body
      .items as {
      id: string;
      rank: number;
      stageId: string;
    }[];
    if (deal === undefined) throw new Error('the seed has no open deal');
    const got = await crm.call('getDeal', 'GET', `/deals/${deal.id}`);
    const patched = await crm.call('updateDeal', 'PATCH', `/deals/${deal.id}`, {
      body: { rank: -1 },
      headers: { 'if-match': got.headers.get('etag') ?? '' },
    });
    expect(patched.status).toBe(422);
    expect(patched.body.errors).toEqual([{ path: '/body/rank', code: 'readOnly', message: 'is read-only' }]);
    const created = await crm.call('createDeal', 'POST', '/deals', {
      body: {
        title: 'Ranked',
        pipelineId: (got.body as { pipelineId: string }).pipelineId,
        stageId: deal.stageId,
        rank: -1,
      },
    });
    expect(created.status).toBe(422);
    expect(created.body.errors).toMatchObject([{ path: '/body/rank', code: 'readOnly' }]);

    // an update that does not name the rank keeps it
    const renamed = await crm.call('updateDeal', 'PATCH', `/deals/${deal.id}`, {
      body: { title: 'Renamed, rank kept' },
      headers: { 'if-match': got.headers.get('etag') ?? '' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.rank).toBe(deal.rank);
  });

  it('refuses percent-encoding that is not UTF-8, in queries and paths, and bodies on body-less operations', async () => {
    for (const path of ['/deals?q=%ED%A0%80', '/deals?filter[title]=%C3', '/deals/%ED%A0%80']) {
      const answer = await crm.call(path.includes('?') ? 'listDeals' : 'getDeal', 'GET', path);
      expect(answer.status, path).toBe(400);
      expect(answer.contract, path).toEqual([]);
      expect(answer.body.errors, path).toContainEqual(
        expect.objectContaining({ code: 'encoding', message: 'is not valid percent-encoded UTF-8' }),
      );
    }
    const [deal] = (await crm.call('listDeals', 'GET', '/deals?pageSize=1')).body.items as { id: string }[];
    const restored = await crm.call('restoreDeal', 'POST', `/deals/${deal?.id}/restore`, {
      body: { unexpected: true },
    });
    expect(restored.status).toBe(400);
    expect(restored.body.errors).toEqual([
      { path: '/body', code: 'unexpected', message: 'must be empty: this operation takes no body' },
    ]);
  });

  it("keeps a person's full name server-composed: a client value is refused", async () => {
    const answer = await crm.call('createPerson', 'POST', '/people', {
      body: { firstName: 'Ann', lastName: 'Lee', name: 'Somebody Else' },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([{ path: '/body/name', code: 'readOnly', message: 'is read-only' }]);
    const composed = await crm.call('createPerson', 'POST', '/people', {
      body: { firstName: 'Ann', lastName: 'Lee' },
    });
    expect(composed.body).toMatchObject({ name: 'Ann Lee' });
  });
});
