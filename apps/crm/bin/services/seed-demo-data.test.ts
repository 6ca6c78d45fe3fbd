import { readFile } from 'node:fs/promises';
import { type ActionContext, developmentTenantId } from '@codexion/framework';
import { evaluateRules } from '@codexion/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRecord } from '../crm-engine.test-helper.js';
import { type CrmEngine, crmEngine, tenantB } from '../crm-engine.test-helper.js';
import { moveDeal } from './move-deal.js';
import { type SeedReport, seedDemoData } from './seed-demo-data.js';
import { daysSince } from './shift-fixture-dates.js';
import { tenantFixtureId } from './tenant-fixture-id.js';

const fixtures = new URL('../../core/fixtures/', import.meta.url);
const today = new Date().toISOString().slice(0, 10);

async function fixture<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(new URL(file, fixtures), 'utf8')) as T;
}

let crm: CrmEngine;
let report: SeedReport;
let manifest: { referenceDate: string; files: { entity: string; count: number }[] };

/** Every live record of an entity in the tenant, page by page through the engine. */
async function listAll(ctx: ActionContext, entity: string): Promise<ApiRecord[]> {
  const all: ApiRecord[] = [];
  let cursor: string | null | undefined;
  do {
    const page = (await ctx.resources(entity).list({ pageSize: 200, ...(cursor ? { cursor } : {}) })) as {
      items: ApiRecord[];
      nextCursor?: string | null;
    };
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

beforeAll(async () => {
  crm = await crmEngine();
  manifest = await fixture('manifest.json');
  report = await crm.run((ctx) => seedDemoData(ctx), { tenantId: developmentTenantId, userId: undefined });
}, 60_000);

afterAll(async () => {
  await crm?.dispose();
});

describe('seedDemoData', () => {
  it('loads every fixture file in manifest order, in well under a few seconds', () => {
    expect(Object.keys(report.counts)).toEqual(manifest.files.map((f) => f.entity));
    expect(report.counts).toEqual(Object.fromEntries(manifest.files.map((f) => [f.entity, f.count])));
    expect(report.shiftedDays).toBe(daysSince(manifest.referenceDate, today));
    // measured on PGlite on a 2-core machine: ~0.3-0.6 s for the 1,215 records
    expect(report.durationMs).toBeLessThan(5_000);
    console.info(`crm seed: ${report.durationMs} ms for ${JSON.stringify(report.counts)}`);
  });

  it("keeps the fixtures' ids in the development tenant and moves every date by (today - referenceDate)", async () => {
    const [deal] = await fixture<ApiRecord[]>('deals.json');
    const [activity] = await fixture<ApiRecord[]>('activities.json');
    const seeded = await crm.run(
      async (ctx) => ({
        deal: await ctx.resources('deal').get(String(deal?.id)),
        activity: await ctx.resources('activity').get(String(activity?.id)),
      }),
      { tenantId: developmentTenantId },
    );
    const plus = (date: unknown) =>
      new Date(Date.parse(`${String(date)}T00:00:00Z`) + report.shiftedDays * 86_400_000)
        .toISOString()
        .slice(0, 10);
    expect(seeded.deal.expectedCloseDate).toBe(plus(deal?.expectedCloseDate));
    expect(seeded.activity.dueDate).toBe(plus(activity?.dueDate));
    expect(Date.parse(String(seeded.activity.doneAt)) - Date.parse(String(activity?.doneAt))).toBe(
      report.shiftedDays * 86_400_000,
    );
  });

  it('holds every rule today, and what the hooks would have set', async () => {
    const { records, stages } = await crm.run(
      async (ctx) => {
        const records = new Map<string, ApiRecord[]>();
        for (const { entity } of manifest.files) records.set(entity, await listAll(ctx, entity));
        return { records, stages: await listAll(ctx, 'stage') };
      },
      { tenantId: developmentTenantId },
    );
    const context = { $now: new Date().toISOString() };
    for (const entity of crm.model.entities) {
      for (const record of records.get(entity.name) ?? []) {
        expect(evaluateRules(entity.rules, record, context), `${entity.name} ${String(record.id)}`).toEqual(
          [],
        );
      }
    }
    const stageById = new Map(stages.map((s) => [s.id, s]));
    const deals = records.get('deal') ?? [];
    for (const deal of deals) expect(stageById.get(deal.stageId)?.pipelineId).toBe(deal.pipelineId);
    expect(deals.filter((d) => d.status === 'open').every((d) => String(d.expectedCloseDate) >= today)).toBe(
      true,
    );
    const activities = records.get('activity') ?? [];
    expect(activities.filter((a) => !a.done && a.dueDate === today).length).toBeGreaterThanOrEqual(10);
    expect(activities.filter((a) => !a.done && String(a.dueDate) < today).length).toBeGreaterThanOrEqual(10);
  });

  it('leaves data the engine, hooks and actions work on', async () => {
    const [deal] = await crm.run(
      async (ctx) =>
        (await ctx.resources('deal').list({ filter: { status: { eq: 'open' } }, sort: 'rank', pageSize: 1 }))
          .items,
      { tenantId: developmentTenantId },
    );
    const stages = await crm.run(
      (ctx) =>
        ctx.resources('stage').list({ filter: { pipelineId: { eq: deal?.pipelineId } }, sort: '-position' }),
      { tenantId: developmentTenantId },
    );
    const last = stages.items[0];
    const moved = await crm.run(
      (ctx) => moveDeal(ctx, String(deal?.id), { stageId: String(last?.id), position: 0 }),
      {
        tenantId: developmentTenantId,
      },
    );
    expect(moved).toMatchObject({ stageId: last?.id, probability: last?.probability, version: 2 });
  });

  it('seeds another tenant with ids of its own, references intact', async () => {
    const other = await crm.run((ctx) => seedDemoData(ctx), { tenantId: tenantB, userId: undefined });
    expect(other.counts).toEqual(report.counts);
    const [deal] = await fixture<ApiRecord[]>('deals.json');
    const seeded = await crm.run(
      (ctx) => ctx.resources('deal').get(tenantFixtureId(tenantB, String(deal?.id))),
      {
        tenantId: tenantB,
      },
    );
    expect(seeded).toMatchObject({
      title: deal?.title,
      companyId: tenantFixtureId(tenantB, String(deal?.companyId)),
      stageId: tenantFixtureId(tenantB, String(deal?.stageId)),
      ownerId: deal?.ownerId,
      tenantId: tenantB,
    });
    const stage = await crm.run((ctx) => ctx.resources('stage').get(String(seeded.stageId)), {
      tenantId: tenantB,
    });
    expect(stage.pipelineId).toBe(seeded.pipelineId);
  });
});
