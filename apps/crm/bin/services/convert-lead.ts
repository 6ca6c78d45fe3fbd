import {
  DomainError,
  inRequest,
  isNotFound,
  unknownReference,
  validationFailed,
} from '@codexion/framework/errors';
import type { ActionContext } from '@codexion/framework/plugins';
import { and, eq, isNull } from 'drizzle-orm';
import type {
  Company,
  CompanyCreate,
  ConvertLeadData,
  Deal,
  DealCreate,
  Person,
} from '../../core/generated/client/types.gen.js';
import { companies } from '../../core/generated/tables.js';
import { type CrmEventOutbox, crm } from '../crm.js';
import { defined } from './defined.js';
import {
  defaultPipeline,
  findPipeline,
  findStage,
  firstStage,
  stageOutsidePipeline,
} from './pipeline-lookup.js';

type ConvertLeadBody = ConvertLeadData['body'];

export interface ConvertLeadResult {
  company: Company;
  person: Person;
  deal: Deal;
}

/** The company a lead is converted into: an existing one, or a new one whose domain is free. */
async function companyFor(
  ctx: ActionContext,
  wanted: ConvertLeadBody['company'],
  person: Person,
): Promise<{ company: Company; created: boolean }> {
  const resource = crm.resource(ctx, 'company');
  if ('companyId' in wanted) {
    try {
      return { company: await resource.get(wanted.companyId), created: false };
    } catch (error) {
      if (isNotFound(error)) throw unknownReference('/body/company/companyId', 'company');
      throw error;
    }
  }
  const domain = wanted.domain;
  if (domain !== undefined) {
    // a taken domain means the company most likely exists: say which, so the user can pick it
    const [existing] = await ctx.tx
      .select({ id: companies.id, name: companies.name })
      .from(companies)
      .where(
        and(eq(companies.tenantId, ctx.tenantId), eq(companies.domain, domain), isNull(companies.deletedAt)),
      )
      .limit(1);
    if (existing !== undefined) {
      throw new DomainError('VALIDATION_FAILED', `${existing.name} already has the domain ${domain}`, {
        issues: [
          { path: '/body/company/domain', code: 'unique', message: 'is already used by another Company' },
        ],
        extensions: { existingCompany: existing },
      });
    }
  }
  const company = await inRequest('/body/company', () =>
    resource.create(
      defined<CompanyCreate>({ name: wanted.name, domain, ownerId: person.ownerId ?? ctx.userId }),
    ),
  );
  return { company, created: true };
}

/** The pipeline and stage of the new deal: as given, else the first stage of the default pipeline. */
async function dealPlace(
  ctx: ActionContext,
  deal: ConvertLeadBody['deal'],
): Promise<{ pipelineId: string; stageId: string }> {
  if (deal.stageId !== undefined) {
    const stage = await findStage(ctx, deal.stageId);
    if (stage === undefined) throw unknownReference('/body/deal/stageId', 'stage');
    if (deal.pipelineId !== undefined && deal.pipelineId.toLowerCase() !== stage.pipelineId) {
      throw stageOutsidePipeline('/body/deal/stageId');
    }
    return { pipelineId: stage.pipelineId, stageId: stage.id };
  }
  const pipeline =
    deal.pipelineId === undefined ? await defaultPipeline(ctx) : await findPipeline(ctx, deal.pipelineId);
  if (pipeline === undefined) {
    if (deal.pipelineId !== undefined) throw unknownReference('/body/deal/pipelineId', 'pipeline');
    throw validationFailed(
      [{ path: '/body/deal/pipelineId', code: 'required', message: 'the tenant has no pipeline yet' }],
      'Create a pipeline with stages before converting leads',
    );
  }
  const stage = await firstStage(ctx, pipeline.id);
  if (stage === undefined) {
    throw validationFailed(
      [{ path: '/body/deal/pipelineId', code: 'stages', message: 'the pipeline has no stages' }],
      `The pipeline ${pipeline.name} has no stages to start a deal in`,
    );
  }
  return { pipelineId: pipeline.id, stageId: stage.id };
}

/**
 * Converts a lead (a person without a company) into a customer contact, in the action's
 * transaction: finds or creates the company, opens a deal with the person as primary contact (in
 * the given stage, else the first stage of the default pipeline; owned by the given user, else
 * the caller, else the lead's owner; with the lead's source), links the person to the company,
 * and emits `crm.lead.converted`. Every write goes through the resource engine, so the schemas,
 * rules and hooks apply (the deal takes its stage's probability and the end of its column).
 *
 * @throws {DomainError} 404 no such person; 409 `LEAD_ALREADY_CONVERTED`; 422 an unknown company,
 *   pipeline or stage, a taken domain (naming the company in `existingCompany`), a failed rule
 *
 * @example
 * const { company, person, deal } = await convertLead(ctx, events, personId, {
 *   company: { name: 'Acme', domain: 'acme.com' },
 *   deal: { title: 'Acme: 50 seats', amount: 1_200_000, currency: 'EUR' },
 * });
 */
export async function convertLead(
  ctx: ActionContext,
  events: CrmEventOutbox,
  personId: string,
  body: ConvertLeadBody,
): Promise<ConvertLeadResult> {
  const people = crm.resource(ctx, 'person');
  const lead = await people.get(personId);
  if (lead.companyId) {
    throw crm.error('LEAD_ALREADY_CONVERTED', `${lead.name ?? lead.firstName} already works for a company`, {
      extensions: { companyId: lead.companyId },
    });
  }
  const { company, created } = await companyFor(ctx, body.company, lead);
  const place = await dealPlace(ctx, body.deal);
  const deal = await inRequest('/body/deal', () =>
    crm.resource(ctx, 'deal').create(
      // typed here, so a field the deal no longer has is a compile error, not a 422
      defined<DealCreate>({
        title: body.deal.title,
        amount: body.deal.amount,
        currency: body.deal.currency,
        expectedCloseDate: body.deal.expectedCloseDate,
        ...place,
        companyId: company.id,
        primaryContactId: lead.id,
        ownerId: body.deal.ownerId ?? ctx.userId ?? lead.ownerId,
        source: lead.source,
      }),
    ),
  );
  const person = await people.update(personId, { companyId: company.id });
  await events.emit(ctx, 'crm.lead.converted', {
    personId: person.id,
    companyId: company.id,
    companyCreated: created,
    dealId: deal.id,
  });
  return { company, person, deal };
}
