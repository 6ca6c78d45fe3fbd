/**
 * Cross-tenant isolation, generated over every operation of every installed plugin (the sales
 * fixture): tenant A's users (each built-in role) aim every item operation at each of tenant B's
 * records (live and deleted, with and without B's ETag), list B's records by `filter`, `where`
 * and `q`, and create records pointing at B's; then the same the other way round. Every attempt
 * must be a 403 or 404 (a list: nothing of B's), and both tenants' rows must be unchanged. Then
 * the same attempts as raw SQL under the tenant role with A's tenant set: nothing seen, nothing
 * changed, foreign rows refused.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows } from '../data/execute-rows.js';
import { pgErrorOf } from '../data/pg-error.js';
import { isPublicOperation } from '../http/operation-router.js';
import { formatEtag } from '../resources/etag.js';
import {
  roleUsers,
  type TenancyFixture,
  type TenantUsers,
  tenancyFixture,
} from './tenancy-fixture.test-helper.js';

let f: TenancyFixture;

interface Victim {
  entity: string;
  id: string;
  version: number;
  deleted: boolean;
  /** a searchable text only this record has */
  marker: string;
}

/** Records of each tenant by entity, with a marker text that must never reach the other tenant. */
const records = new Map<string, Victim[]>();

async function seed(tenant: string, label: string, users: TenantUsers): Promise<void> {
  const victims: Victim[] = [];
  const writers = [users.owner, users.member, users.admin, users.member2];
  for (let i = 0; i < 8; i++) {
    const ctx = await f.context(tenant, writers[i % writers.length] ?? users.owner);
    const marker = `secret${label}acct${i}`;
    const account = await f.engine
      .resource('account')
      .create(ctx, { name: marker, domain: `${marker}.example.com`, contactEmail: `${marker}@example.com` });
    const deleted = i >= 6;
    if (deleted) await f.engine.resource('account').delete(ctx, String(account.id));
    victims.push({
      entity: 'account',
      id: String(account.id),
      version: Number(account.version) + (deleted ? 1 : 0),
      deleted,
      marker,
    });
  }
  for (let i = 0; i < 8; i++) {
    const ctx = await f.context(tenant, writers[i % writers.length] ?? users.owner);
    const marker = `secret${label}opp${i}`;
    const account = victims.find((v) => v.entity === 'account' && !v.deleted && v.id !== undefined);
    const opportunity = await f.engine.resource('opportunity').create(ctx, {
      title: marker,
      accountId: account?.id,
      amount: 1000 + i,
      lostReason: i % 2 === 0 ? 'price' : null,
    });
    victims.push({
      entity: 'opportunity',
      id: String(opportunity.id),
      version: Number(opportunity.version),
      deleted: false,
      marker,
    });
  }
  records.set(tenant, victims);
}

/** Every row of the plugin's tables and of the tenancy tables, both tenants: what no attempt may change. */
async function snapshot(): Promise<string> {
  const tables = [
    'sales.accounts',
    'sales.opportunities',
    'prefiq.memberships',
    'prefiq.roles',
    'prefiq.tenants',
  ];
  const parts: unknown[] = [];
  for (const table of tables) parts.push(await f.database.execute(`select * from ${table} order by 1, 2`));
  parts.push(
    await f.database.execute(
      'select tenant_id, count(*)::int as n from prefiq.audit_log group by 1 order by 1',
    ),
  );
  return JSON.stringify(parts);
}

beforeAll(async () => {
  f = await tenancyFixture({ accessCacheTtlMs: 60_000 });
  await seed(f.a, 'a', f.users.a);
  await seed(f.b, 'b', f.users.b);
}, 120_000);
afterAll(() => f?.dispose());

type Method = 'get' | 'post' | 'patch' | 'delete';

interface Attempt {
  label: string;
  method: Method;
  path: string;
  user: string;
  tenant: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** item: 403/404; list: 200 without the victim's data; write: any 4xx, nothing created */
  kind: 'item' | 'list' | 'write';
  /** texts that must not appear in the response */
  secrets: string[];
}

const entityOfSegment = (segment: string) => f.model.entities.find((e) => e.resource === segment);

/** A body the operation would accept from its own tenant, so only the tenant stands in the way. */
function bodyFor(operationId: string, entity: string): unknown[] {
  if (operationId.startsWith('update'))
    return [entity === 'account' ? { name: 'hijacked' } : { title: 'hijacked' }];
  if (operationId.startsWith('transition')) return [{ to: 'won' }, { to: 'lost' }, { to: 'open' }];
  if (operationId === 'moveOpportunity') return [{ stage: 'qualified' }];
  return [undefined];
}

function attemptsAgainst(attacker: string, attackerUsers: TenantUsers, victimTenant: string): Attempt[] {
  const victims = records.get(victimTenant) ?? [];
  const attempts: Attempt[] = [];
  for (const [path, item] of Object.entries(f.plugin.openapi.paths)) {
    const segment = path.split('/')[1] ?? '';
    const entity = entityOfSegment(segment);
    if (entity === undefined) continue;
    const ofEntity = victims.filter((v) => v.entity === entity.name);
    for (const method of ['get', 'post', 'patch', 'delete'] as const) {
      const operation = item[method];
      // a public operation acts in no caller's tenant (public-action.test.ts covers it)
      if (operation === undefined || isPublicOperation(operation)) continue;
      for (const role of roleUsers) {
        const user = attackerUsers[role];
        if (path.includes('{id}')) {
          for (const victim of ofEntity) {
            for (const body of bodyFor(operation.operationId, entity.name)) {
              const ifMatches =
                method === 'get' ||
                operation.operationId.startsWith('restore') ||
                operation.operationId === 'moveOpportunity'
                  ? [undefined]
                  : [formatEtag(victim.id, victim.version), '*'];
              for (const ifMatch of ifMatches) {
                attempts.push({
                  label: `${role} ${method.toUpperCase()} ${path} ${victim.marker}${ifMatch === undefined ? '' : ` If-Match ${ifMatch}`}`,
                  method,
                  path: `/api/sales${path.replace('{id}', victim.id)}`,
                  user,
                  tenant: attacker,
                  body,
                  ...(ifMatch === undefined ? {} : { headers: { 'if-match': ifMatch } }),
                  kind: 'item',
                  secrets: [victim.marker],
                });
              }
            }
          }
        } else if (method === 'get') {
          for (const victim of ofEntity) {
            const title = entity.annotations.titleField ?? 'name';
            const queries = [
              `filter[id]=${victim.id}`,
              `where=${encodeURIComponent(JSON.stringify({ '==': [{ var: 'id' }, victim.id] }))}`,
              `where=${encodeURIComponent(JSON.stringify({ in: [{ var: title }, [victim.marker]] }))}`,
              `q=${victim.marker}`,
              `filter[${title}]=${victim.marker}&total=true`,
              `filter[${title}][contains]=${victim.marker}&fields=${title}`,
            ];
            for (const query of queries) {
              attempts.push({
                label: `${role} GET ${path}?${query}`,
                method,
                path: `/api/sales${path}?${query}`,
                user,
                tenant: attacker,
                kind: 'list',
                secrets: [victim.marker, victim.id],
              });
            }
          }
        } else if (method === 'post') {
          const bulk = path.endsWith('/bulk');
          const bodies: unknown[] = [
            {
              ...(entity.name === 'account' ? { name: 'planted' } : { title: 'planted' }),
              tenantId: victimTenant,
            },
          ];
          if (entity.name === 'opportunity') {
            for (const account of victims.filter((v) => v.entity === 'account')) {
              bodies.push({ title: 'planted', accountId: account.id });
            }
          }
          for (const body of bodies) {
            attempts.push({
              label: `${role} POST ${path} ${JSON.stringify(body)}`,
              method,
              path: `/api/sales${path}`,
              user,
              tenant: attacker,
              body: bulk ? { items: [body] } : body,
              kind: 'write',
              secrets: [],
            });
          }
        }
      }
    }
  }
  return attempts;
}

describe('cross-tenant isolation', () => {
  it('refuses every operation on another tenant’s records, over HTTP and in raw SQL', async () => {
    const before = await snapshot();
    let cases = 0;
    const leaks: string[] = [];
    const statuses = new Map<number, number>();
    for (const [attacker, users, victim] of [
      [f.a, f.users.a, f.b],
      [f.b, f.users.b, f.a],
    ] as const) {
      for (const attempt of attemptsAgainst(attacker, users, victim)) {
        cases++;
        const response = await f.request(attempt.path, {
          method: attempt.method.toUpperCase(),
          user: attempt.user,
          tenant: attempt.tenant,
          ...(attempt.body === undefined ? {} : { body: attempt.body }),
          ...(attempt.headers === undefined ? {} : { headers: attempt.headers }),
        });
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const ok =
          attempt.kind === 'item'
            ? response.status === 403 || response.status === 404
            : attempt.kind === 'list'
              ? response.status === 200 || response.status === 403
              : response.status >= 400 && response.status < 500;
        const revealed = attempt.secrets.filter((secret) =>
          attempt.kind === 'list' ? text.includes(secret) : text.includes(secret),
        );
        if (!ok || revealed.length > 0)
          leaks.push(`${attempt.label} -> ${response.status} ${text.slice(0, 200)}`);
      }
    }
    const after = await snapshot();
    if (after !== before) leaks.push('the tables changed');

    // the same attempts in SQL, under the tenant role with the attacker's tenant set
    for (const [attacker, victim] of [
      [f.a, f.b],
      [f.b, f.a],
    ] as const) {
      const inTenant = <T>(work: Parameters<typeof f.database.transaction<T>>[0]) =>
        f.database.transaction(work, { tenantId: attacker });
      const refused = async (statement: string) =>
        inTenant((tx) => tx.execute(sql.raw(statement))).then(
          () => false,
          (error: unknown) => pgErrorOf(error)?.code === '42501',
        );
      for (const target of records.get(victim) ?? []) {
        const table = target.entity === 'account' ? 'sales.accounts' : 'sales.opportunities';
        for (const statement of [
          sql`select * from ${sql.raw(table)} where id = ${target.id}`,
          sql`select * from ${sql.raw(table)} where tenant_id = ${victim}`,
          sql`update ${sql.raw(table)} set version = version + 1 where id = ${target.id} returning id`,
          sql`delete from ${sql.raw(table)} where id = ${target.id} returning id`,
          sql`select * from ${sql.raw(table)} where ${sql.raw(target.entity === 'account' ? 'name' : 'title')} = ${target.marker}`,
        ]) {
          cases++;
          const rows = await inTenant((tx) => executeRows(tx, statement));
          if (rows.length > 0) leaks.push(`SQL in ${attacker} reached ${target.marker}`);
        }
      }
      for (const statement of [
        `insert into sales.accounts (tenant_id, name) values ('${victim}', 'planted')`,
        `update sales.accounts set tenant_id = '${victim}'`,
        `update sales.opportunities set tenant_id = '${victim}'`,
        `insert into prefiq.memberships (tenant_id, user_id, role) values ('${victim}', '${f.users.a.viewer}', 'owner')`,
        `insert into prefiq.roles (tenant_id, key, name) values ('${victim}', 'planted', 'Planted')`,
        `update prefiq.tenants set status = 'suspended' where id = '${victim}' returning id`,
      ]) {
        cases++;
        const blocked = await refused(statement);
        // an UPDATE of rows it cannot see changes nothing and raises nothing: equally fine
        const harmless = statement.startsWith('update prefiq.tenants')
          ? (await inTenant((tx) => executeRows(tx, sql.raw(statement)))).length === 0
          : false;
        if (!blocked && !harmless) leaks.push(`SQL in ${attacker} was allowed: ${statement}`);
      }
      for (const table of ['prefiq.memberships', 'prefiq.roles', 'prefiq.audit_log', 'prefiq.seeds']) {
        cases++;
        const rows = await inTenant((tx) =>
          executeRows(tx, sql`select * from ${sql.raw(table)} where tenant_id = ${victim}`),
        );
        if (rows.length > 0) leaks.push(`SQL in ${attacker} read ${table} of ${victim}`);
      }
      cases++;
      const tenants = await inTenant((tx) =>
        executeRows(tx, sql`select id from prefiq.tenants where id = ${victim}`),
      );
      if (tenants.length > 0) leaks.push(`SQL in ${attacker} read the tenant ${victim}`);
    }
    expect(await snapshot()).toBe(before);

    console.log(
      `cross-tenant: ${cases} cases, ${leaks.length} leaks (HTTP statuses: ${[...statuses]
        .sort((x, y) => x[0] - y[0])
        .map(([status, n]) => `${status}×${n}`)
        .join(', ')})`,
    );
    expect(leaks).toEqual([]);
    expect(cases).toBeGreaterThan(2000);
  }, 300_000);
});
