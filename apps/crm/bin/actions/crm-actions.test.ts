import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiRecord } from '../crm-engine.test-helper.js';
import { tenantB } from '../crm-engine.test-helper.js';
import { type Answer, type CrmKernel, crmKernel } from '../crm-kernel.test-helper.js';

let crm: CrmKernel;
const nobody = '5f0c1f43-1f9f-4c53-9a3c-1c8a2b0f0d11';

type Page = { items: ApiRecord[] };

beforeAll(async () => {
  crm = await crmKernel();
}, 120_000);

afterAll(async () => {
  // every event any test emitted matched the payload schema core/app.json declares for it
  expect(crm?.events.filter((e) => e.problems.length > 0)).toEqual([]);
  await crm?.dispose();
}, 30_000);

beforeEach(() => {
  crm.events.length = 0;
});

async function list(operationId: string, path: string): Promise<ApiRecord[]> {
  const answer = await crm.call(operationId, 'GET', path);
  expect(answer.contract).toEqual([]);
  return (answer.body as Page).items;
}

function errorsOf(answer: Answer): { path: string; code: string }[] {
  return (answer.body.errors as { path: string; code: string }[]).map(({ path, code }) => ({ path, code }));
}

/** An open deal of the demo data with a value, and the stages of its pipeline by position. */
async function openDeal(offset = 0): Promise<{ deal: ApiRecord; stages: ApiRecord[] }> {
  const [deal] = await list(
    'listDeals',
    `/deals?filter[status]=open&filter[amount][gt]=0&sort=title&pageSize=1&page=${offset + 1}`,
  );
  if (deal === undefined) throw new Error('the demo data has no open deal');
  const stages = await list(
    'listStages',
    `/stages?filter[pipelineId]=${String(deal.pipelineId)}&sort=position`,
  );
  return { deal, stages };
}

describe('POST /people/{id}/convert', () => {
  it('converts a lead: a new company, a deal in the first stage of the default pipeline, the person linked', async () => {
    const [lead] = await list('listPeople', '/people?filter[companyId][isNull]=true&sort=name&pageSize=1');
    const answer = await crm.call('convertLead', 'POST', `/people/${String(lead?.id)}/convert`, {
      body: {
        company: { name: 'Pied Piper', domain: 'piedpiper.example' },
        deal: { title: 'Pied Piper: compression', amount: 4_200_000, currency: 'USD' },
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.contract).toEqual([]);
    const { company, person, deal } = answer.body as Record<string, ApiRecord>;
    expect(person).toMatchObject({ id: lead?.id, companyId: company?.id });
    expect(deal).toMatchObject({ companyId: company?.id, primaryContactId: lead?.id, status: 'open' });
    const [pipeline] = await list('listPipelines', '/pipelines?sort=position&pageSize=1');
    const [first] = await list(
      'listStages',
      `/stages?filter[pipelineId]=${String(pipeline?.id)}&sort=position`,
    );
    expect(deal).toMatchObject({
      pipelineId: pipeline?.id,
      stageId: first?.id,
      probability: first?.probability,
    });
    expect(crm.events.map((e) => e.name)).toEqual(['crm.lead.converted']);

    const again = await crm.call('convertLead', 'POST', `/people/${String(lead?.id)}/convert`, {
      body: { company: { name: 'Hooli' }, deal: { title: 'Twice' } },
    });
    expect(again.status).toBe(409);
    expect(again.contract).toEqual([]);
    expect(again.body).toMatchObject({ code: 'LEAD_ALREADY_CONVERTED', companyId: company?.id });
  });

  it('refuses bad bodies, unknown and foreign ids, and a taken domain', async () => {
    const [lead] = await list('listPeople', '/people?filter[companyId][isNull]=true&sort=-name&pageSize=1');
    const convert = (body: unknown, id = String(lead?.id), tenant?: string) =>
      crm.call('convertLead', 'POST', `/people/${id}/convert`, { body, ...(tenant ? { tenant } : {}) });

    const invalid = await convert({ company: { name: 'X', companyId: nobody }, deal: {} });
    expect(invalid.status).toBe(422);
    expect(invalid.contract).toEqual([]);
    expect(errorsOf(invalid)).toContainEqual({ path: '/body/deal/title', code: 'required' });

    const notJson = await convert('{"company":');
    expect(notJson.status).toBe(400);
    expect(notJson.contract).toEqual([]);

    for (const [id, tenant] of [
      [nobody, undefined],
      [String(lead?.id), tenantB],
    ] as const) {
      const missing = await convert({ company: { name: 'X' }, deal: { title: 'X' } }, id, tenant);
      expect(missing.status).toBe(404);
      expect(missing.contract).toEqual([]);
    }

    const foreign = await crm.call('createCompany', 'POST', '/companies', {
      body: { name: 'Elsewhere Inc' },
      tenant: tenantB,
    });
    const foreignCompany = await convert({ company: { companyId: foreign.body.id }, deal: { title: 'X' } });
    expect(foreignCompany.status).toBe(422);
    expect(errorsOf(foreignCompany)).toEqual([{ path: '/body/company/companyId', code: 'reference' }]);

    const [existing] = await list('listCompanies', '/companies?filter[domain][isNull]=false&pageSize=1');
    const taken = await convert({
      company: { name: 'Copycat', domain: existing?.domain },
      deal: { title: 'X' },
    });
    expect(taken.status).toBe(422);
    expect(taken.contract).toEqual([]);
    expect(taken.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [
        { path: '/body/company/domain', code: 'unique', message: 'is already used by another Company' },
      ],
      existingCompany: { id: existing?.id, name: existing?.name },
    });
    expect(crm.events).toEqual([]);
  });
});

describe('POST /deals/{id}/move', () => {
  it("moves an open deal to a stage at a position: the stage's probability, a new ETag, stage-changed", async () => {
    const { deal, stages } = await openDeal();
    const target = stages.find((s) => s.id !== deal.stageId);
    const answer = await crm.call('moveDeal', 'POST', `/deals/${String(deal.id)}/move`, {
      body: { stageId: target?.id, position: 0 },
    });
    expect(answer.status).toBe(200);
    expect(answer.contract).toEqual([]);
    expect(answer.body).toMatchObject({ stageId: target?.id, probability: target?.probability });
    expect(answer.headers.get('etag')).toBe(`"${String(deal.id)}:${Number(deal.version) + 1}"`);
    const [top] = await list(
      'listDeals',
      `/deals?filter[stageId]=${String(target?.id)}&filter[status]=open&sort=rank&pageSize=1`,
    );
    expect(top?.id).toBe(deal.id);
    expect(crm.events.map((e) => e.name)).toEqual(['crm.deal.stage-changed']);
  });

  it('refuses closed deals, foreign stages, bad positions and unknown deals', async () => {
    const { deal, stages } = await openDeal(1);
    const move = (body: unknown, id = String(deal.id), tenant?: string) =>
      crm.call('moveDeal', 'POST', `/deals/${id}/move`, { body, ...(tenant ? { tenant } : {}) });

    const [otherPipeline] = await list(
      'listPipelines',
      `/pipelines?filter[id][ne]=${String(deal.pipelineId)}&pageSize=1`,
    );
    const [outside] = await list('listStages', `/stages?filter[pipelineId]=${String(otherPipeline?.id)}`);
    const wrongPipeline = await move({ stageId: outside?.id });
    expect(wrongPipeline.status).toBe(422);
    expect(wrongPipeline.contract).toEqual([]);
    expect(errorsOf(wrongPipeline)).toEqual([{ path: '/body/stageId', code: 'stage-in-pipeline' }]);

    const unknownStage = await move({ stageId: nobody });
    expect(errorsOf(unknownStage)).toEqual([{ path: '/body/stageId', code: 'reference' }]);
    const negative = await move({ stageId: stages[0]?.id, position: -1 });
    expect(negative.status).toBe(422);
    expect(errorsOf(negative)).toEqual([{ path: '/body/position', code: 'minimum' }]);
    const extra = await move({ stageId: stages[0]?.id, probability: 1 });
    expect(errorsOf(extra)).toEqual([{ path: '/body/probability', code: 'additionalProperties' }]);
    expect((await move({ stageId: stages[0]?.id }, nobody)).status).toBe(404);
    expect((await move({ stageId: stages[0]?.id }, String(deal.id), tenantB)).status).toBe(404);

    const [won] = await list('listDeals', '/deals?filter[status]=won&pageSize=1');
    const closed = await move({ stageId: stages[0]?.id }, String(won?.id));
    expect(closed.status).toBe(409);
    expect(closed.contract).toEqual([]);
    expect(closed.body).toMatchObject({ code: 'DEAL_CLOSED', status: 409 });
    expect(crm.events).toEqual([]);
  });
});

describe('win, lose and reopen', () => {
  it('wins an open deal: probability 1, closedAt, crm.deal.won; a second win is 409', async () => {
    const { deal } = await openDeal(2);
    const won = await crm.call('winDeal', 'POST', `/deals/${String(deal.id)}/win`);
    expect(won.status).toBe(200);
    expect(won.contract).toEqual([]);
    expect(won.body).toMatchObject({ status: 'won', probability: 1, closedAt: expect.any(String) });
    expect(crm.events.map((e) => [e.name, (e.payload as ApiRecord).dealId])).toEqual([
      ['crm.deal.won', deal.id],
    ]);
    const again = await crm.call('winDeal', 'POST', `/deals/${String(deal.id)}/win`);
    expect(again.status).toBe(409);
    expect(again.contract).toEqual([]);
  });

  it("answers a win without value with the rule's message on /body/amount", async () => {
    const { deal } = await openDeal(3);
    const zero = await crm.call('updateDeal', 'PATCH', `/deals/${String(deal.id)}`, {
      body: { amount: 0 },
      headers: { 'if-match': `"${String(deal.id)}:${String(deal.version)}"` },
    });
    expect(zero.status).toBe(200);
    const refused = await crm.call('winDeal', 'POST', `/deals/${String(deal.id)}/win`);
    expect(refused.status).toBe(422);
    expect(refused.contract).toEqual([]);
    expect(refused.body).toMatchObject({
      code: 'RULE_FAILED',
      errors: [
        {
          path: '/body/amount',
          code: 'won-needs-amount',
          message: 'A won deal needs a value greater than zero',
        },
      ],
    });
    expect((await crm.call('winDeal', 'POST', `/deals/${nobody}/win`)).status).toBe(404);
  });

  it('loses an open deal with its reason; refuses no reason, a blank one, and a closed deal', async () => {
    const { deal } = await openDeal(4);
    const lose = (body: unknown) => crm.call('loseDeal', 'POST', `/deals/${String(deal.id)}/lose`, { body });
    const none = await lose({});
    expect(none.status).toBe(422);
    expect(none.contract).toEqual([]);
    expect(errorsOf(none)).toEqual([{ path: '/body/lostReason', code: 'required' }]);
    expect(errorsOf(await lose({ lostReason: '   ' }))).toEqual([
      { path: '/body/lostReason', code: 'pattern' },
    ]);
    expect((await crm.call('loseDeal', 'POST', `/deals/${String(deal.id)}/lose`)).status).toBe(422);

    const lost = await lose({ lostReason: 'Chose a competitor' });
    expect(lost.status).toBe(200);
    expect(lost.contract).toEqual([]);
    expect(lost.body).toMatchObject({ status: 'lost', probability: 0, lostReason: 'Chose a competitor' });
    expect(crm.events.map((e) => e.name)).toEqual(['crm.deal.lost']);
    expect((await lose({ lostReason: 'Again' })).status).toBe(409);
  });

  it('reopens through /transition (crm:deal:reopen): closedAt and reason cleared, stage probability back', async () => {
    const [lost] = await list('listDeals', '/deals?filter[status]=lost&pageSize=1');
    const [stage] = await list('listStages', `/stages?filter[id]=${String(lost?.stageId)}`);
    const reopened = await crm.call('transitionDeal', 'POST', `/deals/${String(lost?.id)}/transition`, {
      body: { to: 'open' },
    });
    expect(reopened.status).toBe(200);
    expect(reopened.contract).toEqual([]);
    expect(reopened.body).toMatchObject({
      status: 'open',
      closedAt: null,
      lostReason: null,
      probability: stage?.probability,
    });
    const patched = await crm.call('updateDeal', 'PATCH', `/deals/${String(lost?.id)}`, {
      body: { status: 'won' },
      headers: { 'if-match': reopened.headers.get('etag') ?? '' },
    });
    // status is read-only in the PATCH contract: it changes only by transition
    expect(patched.status).toBe(422);
    expect(patched.contract).toEqual([]);
    expect(errorsOf(patched)).toEqual([{ path: '/body/status', code: 'readOnly' }]);
    const nowhere = await crm.call('transitionDeal', 'POST', `/deals/${String(lost?.id)}/transition`, {
      body: { to: 'closed' },
    });
    expect(nowhere.status).toBe(422);
  });
});

describe('POST /people/{id}/merge and /companies/{id}/merge', () => {
  async function create(operationId: string, path: string, body: ApiRecord): Promise<ApiRecord> {
    const answer = await crm.call(operationId, 'POST', path, { body });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  }

  it('merges people: deals and activities moved, emails kept, duplicates soft-deleted', async () => {
    const [company] = await list('listCompanies', '/companies?sort=name&pageSize=1');
    const kept = await create('createPerson', '/people', {
      firstName: 'Erlich',
      email: 'erlich@aviato.example',
    });
    const twin = await create('createPerson', '/people', {
      firstName: 'Erlich',
      lastName: 'Bachman',
      email: 'bachman@aviato.example',
      companyId: company?.id,
    });
    const [stage] = await list('listStages', '/stages?sort=position&pageSize=1');
    await create('createDeal', '/deals', {
      title: 'Aviato',
      primaryContactId: twin.id,
      pipelineId: stage?.pipelineId,
      stageId: stage?.id,
    });
    await create('createActivity', '/activities', { type: 'note', subject: 'Palo Alto', personId: twin.id });

    const merged = await crm.call('mergePeople', 'POST', `/people/${String(kept.id)}/merge`, {
      body: { duplicateIds: [twin.id] },
    });
    expect(merged.status).toBe(200);
    expect(merged.contract).toEqual([]);
    expect(merged.body).toMatchObject({
      person: {
        id: kept.id,
        name: 'Erlich Bachman',
        otherEmails: ['bachman@aviato.example'],
        companyId: company?.id,
      },
      mergedIds: [twin.id],
      moved: { deals: 1, activities: 1 },
    });
    expect((await crm.call('getPerson', 'GET', `/people/${String(twin.id)}`)).status).toBe(404);
    expect(crm.events.map((e) => e.name)).toEqual(['crm.person.merged']);

    const self = await crm.call('mergePeople', 'POST', `/people/${String(kept.id)}/merge`, {
      body: { duplicateIds: [kept.id] },
    });
    expect(self.status).toBe(422);
    expect(self.contract).toEqual([]);
    expect(self.body).toMatchObject({ code: 'MERGE_INTO_SELF' });
    const gone = await crm.call('mergePeople', 'POST', `/people/${String(kept.id)}/merge`, {
      body: { duplicateIds: [twin.id, nobody] },
    });
    expect(errorsOf(gone)).toEqual([
      { path: '/body/duplicateIds/0', code: 'reference' },
      { path: '/body/duplicateIds/1', code: 'reference' },
    ]);
    const empty = await crm.call('mergePeople', 'POST', `/people/${String(kept.id)}/merge`, {
      body: { duplicateIds: [] },
    });
    expect(errorsOf(empty)).toEqual([{ path: '/body/duplicateIds', code: 'minItems' }]);
    expect(
      (
        await crm.call('mergePeople', 'POST', `/people/${nobody}/merge`, {
          body: { duplicateIds: [twin.id] },
        })
      ).status,
    ).toBe(404);
  });

  it('merges companies: people, deals and activities moved, the domain taken over', async () => {
    const kept = await create('createCompany', '/companies', { name: 'Bachmanity' });
    const dup = await create('createCompany', '/companies', {
      name: 'Bachmanity LLC',
      domain: 'bachmanity.example',
    });
    await create('createPerson', '/people', { firstName: 'Big', lastName: 'Head', companyId: dup.id });
    const merged = await crm.call('mergeCompanies', 'POST', `/companies/${String(kept.id)}/merge`, {
      body: { duplicateIds: [dup.id] },
    });
    expect(merged.status).toBe(200);
    expect(merged.contract).toEqual([]);
    expect(merged.body).toMatchObject({
      company: { id: kept.id, domain: 'bachmanity.example' },
      mergedIds: [dup.id],
      moved: { people: 1, deals: 0, activities: 0 },
    });
    const self = await crm.call('mergeCompanies', 'POST', `/companies/${String(kept.id)}/merge`, {
      body: { duplicateIds: [kept.id] },
    });
    expect(self.status).toBe(422);
    expect(errorsOf(self)).toEqual([{ path: '/body/duplicateIds/0', code: 'self' }]);
    const foreign = await crm.call('mergeCompanies', 'POST', `/companies/${String(kept.id)}/merge`, {
      body: { duplicateIds: [dup.id] },
      tenant: tenantB,
    });
    expect(foreign.status).toBe(404);
  });
});
