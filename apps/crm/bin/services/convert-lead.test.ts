import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConvertLeadData } from '../../core/generated/client/types.gen.js';
import type { ApiRecord } from '../crm-engine.test-helper.js';
import {
  type Board,
  type CrmEngine,
  createBoard,
  crmEngine,
  type RunOptions,
  tenantB,
  userA,
} from '../crm-engine.test-helper.js';
import { refusal } from '../refusal.test-helper.js';
import { convertLead } from './convert-lead.js';

let crm: CrmEngine;
let board: Board;
let elsewhere: Board;

beforeAll(async () => {
  crm = await crmEngine();
  board = await createBoard(crm);
  elsewhere = await createBoard(crm, { tenantId: tenantB });
}, 60_000);

afterAll(async () => {
  await crm?.dispose();
});

beforeEach(() => {
  crm.events.length = 0;
});

function newLead(fields: ApiRecord = {}): Promise<ApiRecord> {
  return crm.run((ctx) =>
    ctx.resources('person').create({ firstName: 'Lead', lastName: 'Person', ...fields }),
  );
}

function convert(personId: unknown, body: ConvertLeadData['body'], options: RunOptions = {}) {
  return crm.run((ctx) => convertLead(ctx, crm.outbox, String(personId), body), options);
}

describe('convertLead', () => {
  it('creates the company and a deal in the first stage of the default pipeline, and links the lead', async () => {
    const lead = await newLead({ source: 'event', ownerId: '4a183357-ea87-5c3a-8f5e-f6e6360b40f7' });
    const { company, person, deal } = await convert(lead.id, {
      company: { name: 'Initech', domain: 'initech.example' },
      deal: { title: 'Initech: pilot', amount: 1_200_000, currency: 'USD' },
    });
    expect(company).toMatchObject({ name: 'Initech', domain: 'initech.example', ownerId: lead.ownerId });
    expect(person).toMatchObject({ id: lead.id, companyId: company.id, version: 2 });
    expect(deal).toMatchObject({
      title: 'Initech: pilot',
      amount: 1_200_000,
      currency: 'USD',
      companyId: company.id,
      primaryContactId: lead.id,
      pipelineId: board.pipeline.id,
      stageId: board.stages.qualified.id,
      probability: 0.1,
      status: 'open',
      source: 'event',
      ownerId: userA,
    });
    expect(crm.events).toEqual([
      {
        name: 'crm.lead.converted',
        payload: { personId: lead.id, companyId: company.id, companyCreated: true, dealId: deal.id },
        problems: [],
      },
    ]);
  });

  it("links an existing company, in the given stage, owned by the given user, else the lead's owner", async () => {
    const lead = await newLead({ ownerId: '6cd5a418-ddfe-5775-ac3e-1c8227742fe9' });
    const { company, deal } = await convert(
      lead.id,
      {
        company: { companyId: String(board.company.id) },
        deal: { title: 'Acme: upsell', stageId: String(board.other.stage.id) },
      },
      { userId: undefined },
    );
    expect(company.id).toBe(board.company.id);
    expect(deal).toMatchObject({
      pipelineId: board.other.pipeline.id,
      stageId: board.other.stage.id,
      probability: 0.3,
      currency: 'EUR',
      ownerId: lead.ownerId,
    });
    expect(crm.events[0]?.payload).toMatchObject({ companyCreated: false });
  });

  it('refuses a person who already has a company (409), and changes nothing', async () => {
    const refused = await refusal(
      convert(board.customer.id, { company: { name: 'Other' }, deal: { title: 'Nope' } }),
    );
    expect(refused).toMatchObject({ code: 'LEAD_ALREADY_CONVERTED', status: 409 });
    expect(refused.extensions).toEqual({ companyId: board.company.id });
  });

  it('refuses unknown, deleted and other tenants’ ids, each at its place in the body', async () => {
    const missing = await refusal(
      convert('5f0c1f43-1f9f-4c53-9a3c-1c8a2b0f0d11', { company: { name: 'X' }, deal: { title: 'X' } }),
    );
    expect(missing).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    const foreignLead = await refusal(
      convert(elsewhere.lead.id, { company: { name: 'X' }, deal: { title: 'X' } }),
    );
    expect(foreignLead.status).toBe(404);

    const lead = await newLead();
    const cases: [ConvertLeadData['body'], string][] = [
      [
        { company: { companyId: String(elsewhere.company.id) }, deal: { title: 'X' } },
        '/body/company/companyId',
      ],
      [
        { company: { name: 'X' }, deal: { title: 'X', stageId: String(elsewhere.stages.qualified.id) } },
        '/body/deal/stageId',
      ],
      [
        { company: { name: 'X' }, deal: { title: 'X', pipelineId: String(elsewhere.pipeline.id) } },
        '/body/deal/pipelineId',
      ],
    ];
    for (const [body, path] of cases) {
      const refused = await refusal(convert(lead.id, body));
      expect(refused, path).toMatchObject({ code: 'VALIDATION_FAILED', status: 422 });
      expect(refused.issues).toEqual([{ path, code: 'reference', message: expect.any(String) }]);
    }
    const mismatch = await refusal(
      convert(lead.id, {
        company: { name: 'X' },
        deal: { title: 'X', pipelineId: String(board.pipeline.id), stageId: String(board.other.stage.id) },
      }),
    );
    expect(mismatch.issues).toEqual([
      {
        path: '/body/deal/stageId',
        code: 'stage-in-pipeline',
        message: 'The stage belongs to another pipeline',
      },
    ]);
  });

  it('refuses a taken domain with 422 naming the company, and a rule failure at the deal field', async () => {
    const lead = await newLead();
    const taken = await refusal(
      convert(lead.id, { company: { name: 'Acme 2', domain: 'acme.example' }, deal: { title: 'X' } }),
    );
    expect(taken).toMatchObject({ code: 'VALIDATION_FAILED', status: 422 });
    expect(taken.issues).toEqual([
      { path: '/body/company/domain', code: 'unique', message: 'is already used by another Company' },
    ]);
    expect(taken.extensions).toEqual({ existingCompany: { id: board.company.id, name: 'Acme GmbH' } });

    const past = await refusal(
      convert(lead.id, {
        company: { name: 'Later Ltd' },
        deal: { title: 'X', expectedCloseDate: '2001-01-01' },
      }),
    );
    expect(past.issues).toEqual([
      { path: '/body/deal/expectedCloseDate', code: 'close-date-not-in-past', message: expect.any(String) },
    ]);
    // all or nothing: the company of the refused conversion was rolled back with it
    const companies = await crm.run((ctx) => ctx.resources('company').list({ q: 'Later' }));
    expect(companies.items).toEqual([]);
    expect(crm.events).toEqual([]);
  });
});
