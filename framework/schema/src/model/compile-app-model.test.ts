import { describe, expect, it } from 'vitest';
import type { AppSources } from './compile-app-model.js';
import { compileAppModel } from './compile-app-model.js';
import { SchemaDefinitionError } from './schema-definition-error.js';

const $schema = 'https://json-schema.org/draft/2020-12/schema';

function sources(
  overrides: Partial<{ company: object; deal: object; rules: object; action: object; manifest: object }> = {},
): AppSources {
  return {
    manifest: {
      file: 'core/app.json',
      data: overrides.manifest ?? {
        name: 'crm',
        version: '1.0.0',
        title: 'CRM',
        framework: '^0.1.0',
        permissions: [{ name: 'crm:deal:win', description: 'Win a deal' }],
      },
    },
    schemas: [
      {
        file: 'core/schema/company.schema.json',
        data: overrides.company ?? {
          $schema,
          title: 'Company',
          type: 'object',
          required: ['name'],
          properties: {
            name: { type: 'string', maxLength: 200 },
            domain: { type: 'string', maxLength: 253 },
          },
          'x-codexion': {
            table: 'companies',
            titleField: 'name',
            search: ['name'],
            unique: [{ fields: ['domain'] }],
          },
        },
      },
      {
        file: 'core/schema/deal.schema.json',
        data: overrides.deal ?? {
          $schema,
          title: 'Deal',
          type: 'object',
          properties: {
            title: { type: 'string', maxLength: 200 },
            companyId: { type: 'string', format: 'uuid', maxLength: 36, 'x-codexion': { ref: 'company' } },
            status: { type: 'string', enum: ['open', 'won', 'lost'] },
            amount: {
              type: 'integer',
              format: 'int64',
              minimum: 0,
              maximum: 9007199254740991,
              'x-codexion': { widget: 'money', currencyField: 'currency' },
            },
            currency: { type: 'string', pattern: '^[A-Z]{3}$', maxLength: 3 },
          },
          'x-codexion': {
            table: 'deals',
            resource: 'deals',
            ui: { kanbanField: 'status', listColumns: ['title', 'amount'] },
            workflow: {
              field: 'status',
              states: ['open', 'won', 'lost'],
              transitions: [{ from: 'open', to: 'won' }],
            },
          },
        },
      },
    ],
    rules: [
      {
        file: 'core/rules/deal.rules.json',
        data: overrides.rules ?? {
          rules: [
            {
              id: 'won-needs-amount',
              message: 'Needs amount',
              path: '/amount',
              assert: { '>': [{ var: 'amount' }, 0] },
            },
          ],
        },
      },
    ],
    actions: [
      {
        file: 'core/actions/win.json',
        data: overrides.action ?? {
          id: 'winDeal',
          summary: 'Win',
          method: 'POST',
          path: '/deals/{id}/win',
          permission: 'crm:deal:update',
          entity: 'deal',
        },
      },
    ],
  };
}

function issues(s: AppSources): string[] {
  try {
    compileAppModel(s);
  } catch (error) {
    if (error instanceof SchemaDefinitionError)
      return error.issues.map((i) => `${i.file}#${i.pointer}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('compileAppModel', () => {
  it('normalizes a valid app', () => {
    const model = compileAppModel(sources());
    expect(model.entities.map((e) => [e.name, e.typeName, e.pluralTypeName, e.table, e.resource])).toEqual([
      ['company', 'Company', 'Companies', 'companies', 'companies'],
      ['deal', 'Deal', 'Deals', 'deals', 'deals'],
    ]);
    expect(model.entities[1]?.rules.map((r) => r.id)).toEqual(['won-needs-amount']);
    expect(model.actions.map((a) => a.id)).toEqual(['winDeal']);
  });

  it('refuses unknown and misspelled x-codexion keys with their pointer', () => {
    const company = {
      ...(sources().schemas[0]?.data as object),
      'x-codexion': { table: 'companies', serach: ['name'] },
    };
    expect(issues(sources({ company }))).toContain(
      'core/schema/company.schema.json#/x-codexion/serach: is not a known field',
    );
    const deal = structuredClone(sources().schemas[1]?.data) as {
      properties: { title: Record<string, unknown> };
    };
    deal.properties.title['x-codexoin'] = { pii: true };
    expect(issues(sources({ deal })).join('\n')).toMatch(
      /deal\.schema\.json#\/properties\/title.*x-codexoin/,
    );
  });

  it('refuses misspelled JSON Schema keywords', () => {
    const company = structuredClone(sources().schemas[0]?.data) as {
      properties: { name: Record<string, unknown> };
    };
    company.properties.name.maxLenght = 3;
    expect(issues(sources({ company }))).toContain(
      'core/schema/company.schema.json#/properties/name/maxLenght: unknown keyword "maxLenght" (not JSON Schema 2020-12 nor x-codexion)',
    );
  });

  it('checks every name x-codexion refers to', () => {
    const deal = structuredClone(sources().schemas[1]?.data) as Record<string, Record<string, unknown>>;
    deal['x-codexion'] = {
      table: 'deals',
      titleField: 'nope',
      search: ['amount'],
      indexes: [{ fields: ['missing'] }],
      ui: { kanbanField: 'title', listColumns: ['ghost'] },
      workflow: {
        field: 'status',
        states: ['open', 'closed'],
        initial: 'draft',
        immutableIn: ['closed', 'archived'],
        transitions: [{ from: 'open', to: 'gone' }],
      },
    };
    (deal.properties as Record<string, Record<string, unknown>>).companyId = {
      type: 'string',
      format: 'uuid',
      maxLength: 36,
      'x-codexion': { ref: 'person' },
    };
    expect(issues(sources({ deal }))).toEqual(
      expect.arrayContaining([
        'core/schema/deal.schema.json#/x-codexion/titleField: "nope" is not a property of deal',
        'core/schema/deal.schema.json#/x-codexion/search/0: search field "amount" must be a string property',
        'core/schema/deal.schema.json#/x-codexion/indexes/0/fields/0: "missing" is not a property of deal',
        'core/schema/deal.schema.json#/x-codexion/ui/kanbanField: kanban field "title" must be an enum or a relation',
        'core/schema/deal.schema.json#/x-codexion/ui/listColumns/0: "ghost" is not a property of deal',
        'core/schema/deal.schema.json#/x-codexion/workflow/states: states must equal the enum of "status"',
        'core/schema/deal.schema.json#/x-codexion/workflow/initial: "draft" is not a state',
        'core/schema/deal.schema.json#/x-codexion/workflow/immutableIn/1: "archived" is not a state',
        'core/schema/deal.schema.json#/x-codexion/workflow/transitions/0/to: "gone" is not a state',
        'core/schema/deal.schema.json#/properties/companyId/x-codexion/ref: no entity "person" in this app',
      ]),
    );
  });

  it('checks x-codexion.number: a state, a read-only string field, a date to take the year of', () => {
    const deal = structuredClone(sources().schemas[1]?.data) as Record<string, Record<string, unknown>>;
    const properties = deal.properties as Record<string, object>;
    properties.number = { type: ['string', 'null'], maxLength: 40, readOnly: true };
    properties.closedOn = { type: 'string', format: 'date', maxLength: 10 };
    const numbered = (number: object) => ({
      ...structuredClone(deal),
      'x-codexion': { ...deal['x-codexion'], number },
    });
    const valid = {
      series: 'DEAL',
      format: '{series}-{scope}-{seq:5}',
      scope: 'year',
      dateField: 'closedOn',
    };
    expect(issues(sources({ deal: numbered({ ...valid, field: 'number', onState: 'won' }) }))).toEqual([]);
    expect(issues(sources({ deal: numbered({ ...valid, field: 'title', onState: 'gone' }) }))).toEqual([
      'core/schema/deal.schema.json#/x-codexion/number/onState: "gone" is not a state',
      'core/schema/deal.schema.json#/x-codexion/number/field: "title" must be a readOnly string property',
    ]);
    expect(
      issues(sources({ deal: numbered({ ...valid, dateField: 'amount', field: 'nope', onState: 'won' }) })),
    ).toEqual([
      'core/schema/deal.schema.json#/x-codexion/number/field: "nope" is not a property',
      'core/schema/deal.schema.json#/x-codexion/number/dateField: "amount" must be a date or date-time property',
    ]);
    const { dateField: _, ...undated } = valid;
    expect(issues(sources({ deal: numbered({ ...undated, field: 'number', onState: 'won' }) }))).toEqual([
      'core/schema/deal.schema.json#/x-codexion/number/dateField: scope "year" takes the year of a dateField',
    ]);
    const badFormat = issues(
      sources({ deal: numbered({ ...valid, format: 'no-seq', field: 'number', onState: 'won' }) }),
    );
    expect(badFormat.join('\n')).toContain('/x-codexion/number/format');
  });

  it('refuses system fields written by the author and duplicate tables', () => {
    const company = structuredClone(sources().schemas[0]?.data) as Record<string, Record<string, unknown>>;
    (company.properties as Record<string, unknown>).tenantId = { type: 'string', maxLength: 36 };
    (company['x-codexion'] as Record<string, unknown>).table = 'deals';
    const found = issues(sources({ company }));
    expect(found).toContain(
      'core/schema/company.schema.json#/properties/tenantId: "tenantId" is a system field the framework adds; remove it',
    );
    expect(found.join('\n')).toMatch(/table "deals" is also used by/);
  });

  it('checks rules: fields, operators, paths and ids', () => {
    const rules = {
      rules: [
        { id: 'a', message: 'm', path: '/amout', assert: { '>': [{ var: 'amout' }, 0] } },
        { id: 'a', message: 'm', path: '/amount', assert: { method: [{ var: 'title' }, 'toUpperCase'] } },
      ],
    };
    expect(issues(sources({ rules }))).toEqual([
      'core/rules/deal.rules.json#/rules/0/path: "/amout" is not a field of deal',
      'core/rules/deal.rules.json#/rules/0/assert/>/0/var: "amout" is not a field',
      'core/rules/deal.rules.json#/rules/1/id: duplicate rule id "a"',
      'core/rules/deal.rules.json#/rules/1/assert/method: unknown JSON Logic operation "method"',
    ]);
  });

  it('refuses a permission that the manifest does not declare and no entity gives', () => {
    const action = {
      id: 'winDeal',
      summary: 'Win',
      method: 'POST',
      path: '/deals/{id}/win',
      permission: 'crm:deal:close',
    };
    expect(issues(sources({ action }))).toEqual([
      'core/actions/win.json#/permission: permission "crm:deal:close" is not declared in core/app.json, nor a CRUD permission of an entity',
    ]);
    expect(issues(sources({ action: { ...action, permission: 'crm:deal:win' } }))).toEqual([]);
  });

  it('takes the CRUD permissions from the schemas, and refuses them (or a name twice) in the manifest', () => {
    const manifest = {
      name: 'crm',
      version: '1.0.0',
      title: 'CRM',
      framework: '^0.1.0',
      permissions: [{ name: 'crm:deal:win' }, { name: 'crm:company:read' }, { name: 'crm:deal:win' }],
      nav: [{ label: 'Companies', path: '/companies', permission: 'crm:company:read' }],
    };
    expect(issues(sources({ manifest }))).toEqual([
      'core/app.json#/permissions/1/name: "crm:company:read" comes from core/schema/company.schema.json (an entity with endpoints has read, create, update and delete): remove it here',
      'core/app.json#/permissions/2/name: "crm:deal:win" is declared twice',
    ]);
    // a nav entry and an action may ask for a CRUD permission the manifest does not list
    expect(issues(sources({ manifest: { ...manifest, permissions: [{ name: 'crm:deal:win' }] } }))).toEqual(
      [],
    );
  });

  it('checks the manifest and actions against their schemas', () => {
    expect(
      issues(
        sources({
          manifest: { name: 'CRM!', version: '1', title: 'CRM', permissions: [{ name: 'crm:deal:update' }] },
        }),
      ),
    ).toEqual([
      'core/app.json#/framework: is required',
      'core/app.json#/name: must match pattern "^[a-z][a-z0-9-]{1,30}$"',
      'core/app.json#/version: must match pattern "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$"',
    ]);
    const action = {
      id: 'winDeal',
      summary: 'Win',
      method: 'FETCH',
      path: 'deals',
      permission: 'win',
      entity: 'ghost',
    };
    expect(issues(sources({ action })).length).toBeGreaterThanOrEqual(3);
  });

  it("takes the app's own error codes with a status and a description, and refuses malformed ones", () => {
    const base = { name: 'crm', version: '1.0.0', title: 'CRM', framework: '^0.1.0' };
    const errors = { DEAL_CLOSED: { status: 409, description: 'A closed deal stays where it is' } };
    expect(compileAppModel(sources({ manifest: { ...base, errors } })).manifest.errors).toEqual(errors);
    const bad = issues(
      sources({
        manifest: {
          ...base,
          errors: {
            deal_closed: { status: 409, description: 'x' },
            OK: { status: 200, description: 'fine' },
          },
        },
      }),
    );
    expect(bad.some((issue) => issue.startsWith('core/app.json#/errors'))).toBe(true);
    expect(bad.join('\n')).toMatch(/deal_closed|propertyNames|must match pattern/);
    expect(bad.join('\n')).toMatch(/errors\/OK\/status: must be >= 400/);
  });

  it('takes a public action without a permission, and refuses a permission on it or none elsewhere', () => {
    const lookup = { id: 'lookupDeal', summary: 'Look up', method: 'GET', path: '/deals/lookup' };
    const model = compileAppModel(sources({ action: { ...lookup, access: 'public' } }));
    expect(model.actions).toEqual([expect.objectContaining({ id: 'lookupDeal', access: 'public' })]);
    expect(model.actions[0]?.permission).toBeUndefined();
    expect(
      issues(sources({ action: { ...lookup, access: 'public', permission: 'crm:deal:update' } })),
    ).toEqual(['core/actions/win.json#/permission: is not allowed here']);
    expect(issues(sources({ action: lookup }))).toEqual(['core/actions/win.json#/permission: is required']);
    expect(
      issues(sources({ action: { ...lookup, access: 'anyone', permission: 'crm:deal:update' } })),
    ).toEqual(['core/actions/win.json#/access: must be one of: "public", "tenant", "user", "credential"']);
  });

  describe("the vocabulary the framework's own APIs need", () => {
    const manifest = {
      name: 'auth',
      version: '1.0.0',
      title: 'Authentication',
      framework: '^0.1.0',
      tags: [{ name: 'Sessions', description: 'Sign-in and sign-out' }],
      securitySchemes: {
        refreshCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'codexion_session_refresh',
          description: 'Refresh',
        },
      },
      responses: { '401': { headers: { 'WWW-Authenticate': { description: 'How to authenticate' } } } },
    };
    const logout = {
      id: 'logout',
      summary: 'End this session',
      method: 'POST',
      path: '/logout',
      access: 'user',
      tag: 'Sessions',
      security: [['session'], ['refreshCookie'], ['bearer']],
      responses: { '204': { headers: { 'Set-Cookie': { description: 'cleared cookies' } } } },
      errors: [401, 403],
    };
    const framework = (action: object, own: object = manifest) => sources({ manifest: own, action });
    const frameworkIssues = (s: AppSources): string[] => {
      try {
        compileAppModel(s, { scope: 'framework' });
      } catch (error) {
        if (error instanceof SchemaDefinitionError)
          return error.issues.map((i) => `${i.file}#${i.pointer}: ${i.message}`);
        throw error;
      }
      return [];
    };

    it('takes user and credential access, security, tags, responses and errors in framework scope', () => {
      expect(frameworkIssues(framework(logout))).toEqual([]);
      expect(
        frameworkIssues(
          framework({ ...logout, id: 'getMe', method: 'GET', path: '/me', access: 'credential' }),
        ),
      ).toEqual([]);
    });

    it("refuses in an app what only the framework's routes implement", () => {
      expect(issues(framework(logout))).toEqual([
        'core/actions/win.json#/access: only the framework\'s own APIs take "user" access: an app\'s action is "tenant" or "public"',
        "core/actions/win.json#/security: only the framework's own APIs choose their security requirements",
        "core/app.json#/securitySchemes: only the framework's own APIs declare security schemes: an app's operations take the standard ones",
      ]);
    });

    it("refuses a permission on a user's action, an unknown scheme or tag, and errors without a shared answer", () => {
      expect(
        frameworkIssues(
          framework({
            ...logout,
            permission: 'auth:session:end',
            tag: 'Keys',
            security: [['session'], ['cookie']],
            errors: [401, 402],
          }),
        ),
      ).toEqual(['core/actions/win.json#/permission: is not allowed here']);
      expect(
        frameworkIssues(
          framework({ ...logout, tag: 'Keys', security: [['session'], ['cookie']], errors: [401, 402] }),
        ),
      ).toEqual([
        'core/actions/win.json#/security/1/0: no security scheme "cookie"',
        'core/actions/win.json#/tag: tag "Keys" is not declared in the manifest\'s tags',
        'core/actions/win.json#/errors/1: 402 has no shared problem response: use one of 400, 401, 403, 404, 409, 412, 413, 415, 422, 428',
      ]);
    });

    it('checks the answers: a success is needed, errors have no body, a 302 or 204 none either, and are listed', () => {
      const answering = (responses: object) => frameworkIssues(framework({ ...logout, responses }));
      expect(answering({ '401': { description: 'Who are you?' } })).toEqual([
        'core/actions/win.json#/responses: needs a success (2xx) or redirect (3xx) answer',
      ]);
      const body = { type: 'object', properties: {}, additionalProperties: false };
      expect(
        answering({ '204': { schema: body }, '302': { schema: body }, '403': { schema: body }, '404': {} }),
      ).toEqual([
        'core/actions/win.json#/responses/204/schema: a 204 has no body',
        'core/actions/win.json#/responses/302/schema: a 302 has no body',
        'core/actions/win.json#/responses/403/schema: an error answers with the Problem document: no schema of its own',
        "core/actions/win.json#/responses/404: 404 is not one of the action's errors",
      ]);
      expect(frameworkIssues(framework({ ...logout, response: body }))).toEqual([
        'core/actions/win.json#/response: is not allowed here',
      ]);
    });

    it('gives path parameters their own schemas, one per name of the path', () => {
      const provider = {
        id: 'startOidc',
        summary: 'Start single sign-on',
        method: 'GET',
        path: '/oidc/{provider}/start',
        access: 'public',
        responses: { '302': { headers: { Location: { description: 'the provider' } } } },
      };
      const name = { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 64 };
      expect(
        frameworkIssues(
          framework({
            ...provider,
            params: { type: 'object', properties: { provider: name }, additionalProperties: false },
          }),
        ),
      ).toEqual([]);
      expect(
        frameworkIssues(
          framework({
            ...provider,
            params: { type: 'object', properties: { id: name }, additionalProperties: false },
          }),
        ),
      ).toEqual([
        'core/actions/win.json#/params/properties: the path parameter "provider" has no schema',
        'core/actions/win.json#/params/properties/id: "id" is not a parameter of /oidc/{provider}/start',
      ]);
      expect(
        frameworkIssues(framework({ ...provider, path: '/.well-known/jwks.json', params: undefined })),
      ).toEqual([]);
      expect(frameworkIssues(framework({ ...provider, path: '/keys/../jwks.json' }))).toEqual([
        'core/actions/win.json#/path: must match pattern "^(/([a-z0-9_-][a-z0-9._-]*|\\.[a-z0-9_-][a-z0-9._-]*|\\{[a-zA-Z][a-zA-Z0-9]*\\}))+$"',
      ]);
    });

    it('types a body as JSON or a merge patch, and refuses a media type where there is no body', () => {
      const rename = {
        id: 'updateTenant',
        summary: 'Rename the tenant',
        method: 'PATCH',
        path: '/tenant',
        permission: 'crm:deal:update',
        contentType: 'application/merge-patch+json',
        request: {
          type: 'object',
          properties: { name: { type: 'string', maxLength: 200 } },
          additionalProperties: false,
        },
      };
      expect(issues(sources({ action: rename }))).toEqual([]);
      expect(issues(sources({ action: { ...rename, request: undefined, requestRequired: false } }))).toEqual([
        'core/actions/win.json#/contentType: the action takes no body',
        'core/actions/win.json#/requestRequired: the action takes no body',
      ]);
    });
  });

  describe('requires explicit bounds on every property schema, at any depth', () => {
    const dealWith = (properties: Record<string, unknown>) => {
      const deal = structuredClone(sources().schemas[1]?.data) as { properties: Record<string, unknown> };
      Object.assign(deal.properties, properties);
      return sources({ deal });
    };
    const at = (pointer: string) => `core/schema/deal.schema.json#${pointer}`;

    it('a string needs maxLength; enum, const or a length bound a format does not give', () => {
      expect(issues(dealWith({ note: { type: 'string' } }))).toEqual([
        `${at('/properties/note/maxLength')}: is required`,
      ]);
      // a format alone is not a bound: OWASP API4 string-limit counts only maxLength, enum and const
      expect(issues(dealWith({ closedOn: { type: 'string', format: 'date' } }))).toEqual([
        `${at('/properties/closedOn/maxLength')}: is required`,
      ]);
      expect(issues(dealWith({ note: { type: ['string', 'null'] } }))).toEqual([
        `${at('/properties/note/maxLength')}: is required`,
      ]);
      expect(
        issues(
          dealWith({
            note: { type: 'string', maxLength: 10_000 },
            kind: { type: 'string', enum: ['a', 'b'] },
            fixed: { type: 'string', const: 'x' },
          }),
        ),
      ).toEqual([]);
    });

    it('an integer needs format int32 or int64, minimum and maximum', () => {
      expect(issues(dealWith({ count: { type: 'integer' } }))).toEqual([
        `${at('/properties/count/format')}: is required`,
        `${at('/properties/count/minimum')}: is required`,
        `${at('/properties/count/maximum')}: is required`,
      ]);
      expect(
        issues(dealWith({ count: { type: 'integer', format: 'int16', minimum: 0, maximum: 9 } })),
      ).toEqual([`${at('/properties/count/format')}: must be one of: "int32", "int64"`]);
      expect(
        issues(dealWith({ count: { type: 'integer', format: 'int32', minimum: 0, maximum: 1000 } })),
      ).toEqual([]);
    });

    it('a number needs minimum and maximum', () => {
      expect(issues(dealWith({ rate: { type: 'number', minimum: 0 } }))).toEqual([
        `${at('/properties/rate/maximum')}: is required`,
      ]);
    });

    it('an array needs maxItems, and its items are checked too', () => {
      expect(issues(dealWith({ tags: { type: 'array', items: { type: 'string', maxLength: 50 } } }))).toEqual(
        [`${at('/properties/tags/maxItems')}: is required`],
      );
      expect(issues(dealWith({ tags: { type: 'array', maxItems: 20, items: { type: 'string' } } }))).toEqual([
        `${at('/properties/tags/items/maxLength')}: is required`,
      ]);
    });

    it('a free-form object needs maxProperties; a closed one does not', () => {
      expect(issues(dealWith({ custom: { type: 'object' } }))).toEqual([
        `${at('/properties/custom/maxProperties')}: is required`,
      ]);
      expect(
        issues(
          dealWith({
            custom: { type: 'object', additionalProperties: { type: 'integer' }, maxProperties: 50 },
          }),
        ),
      ).toEqual([
        `${at('/properties/custom/additionalProperties/format')}: is required`,
        `${at('/properties/custom/additionalProperties/minimum')}: is required`,
        `${at('/properties/custom/additionalProperties/maximum')}: is required`,
      ]);
      expect(
        issues(
          dealWith({
            address: {
              type: 'object',
              additionalProperties: false,
              properties: {
                lines: { type: 'array', maxItems: 3, items: { type: 'string', maxLength: 200 } },
              },
            },
          }),
        ),
      ).toEqual([]);
    });

    it('checks nested objects, anyOf branches and $defs', () => {
      const deal = structuredClone(sources().schemas[1]?.data) as Record<string, unknown>;
      deal.$defs = { money: { type: 'integer', format: 'int64', minimum: 0 } };
      (deal.properties as Record<string, unknown>).contact = {
        type: 'object',
        additionalProperties: false,
        properties: { email: { anyOf: [{ type: 'string', format: 'email' }, { type: 'null' }] } },
      };
      expect(issues(sources({ deal }))).toEqual([
        `${at('/properties/contact/properties/email/anyOf/0/maxLength')}: is required`,
        `${at('/$defs/money/maximum')}: is required`,
      ]);
    });

    it('checks action bodies and answers, and event payloads', () => {
      const action = {
        id: 'winDeal',
        summary: 'Win',
        method: 'POST',
        path: '/deals/{id}/win',
        permission: 'crm:deal:update',
        request: {
          type: 'object',
          additionalProperties: false,
          properties: { reason: { type: 'string' } },
        },
        response: {
          type: 'object',
          properties: { ids: { type: 'array', items: { type: 'string', maxLength: 36 } } },
        },
      };
      expect(issues(sources({ action }))).toEqual([
        'core/actions/win.json#/request/properties/reason/maxLength: is required',
        'core/actions/win.json#/response/maxProperties: is required',
        'core/actions/win.json#/response/properties/ids/maxItems: is required',
      ]);
      const manifest = {
        name: 'crm',
        version: '1.0.0',
        title: 'CRM',
        framework: '^0.1.0',
        permissions: [{ name: 'crm:deal:win' }],
        events: [
          {
            name: 'crm.deal.won',
            payload: {
              type: 'object',
              additionalProperties: false,
              properties: { amount: { type: 'number' } },
            },
          },
        ],
      };
      expect(issues(sources({ manifest }))).toEqual([
        'core/app.json#/events/0/payload/properties/amount/minimum: is required',
        'core/app.json#/events/0/payload/properties/amount/maximum: is required',
      ]);
    });
  });
});
