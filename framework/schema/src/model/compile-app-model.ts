import actionSchema from '../meta/action.schema.json' with { type: 'json' };
import entityMetaSchema from '../meta/entity.meta.schema.json' with { type: 'json' };
import manifestSchema from '../meta/manifest.schema.json' with { type: 'json' };
import rulesSchema from '../meta/rules.schema.json' with { type: 'json' };
import { kebabCase, pascalCase } from '../names/case.js';
import { compareCodeUnits } from '../names/compare-code-units.js';
import { scanJsonLogic } from '../rules/json-logic-operators.js';
import { createAjv } from '../validation/create-ajv.js';
import { escapePointerToken, issuesFromAjv } from '../validation/validation-issue.js';
import type { ActionDefinition, AppManifest, AppModel, EntityModel, RuleFile } from './app-model.js';
import { crudPermission, crudVerbs, servesCrud } from './app-permissions.js';
import { findUnknownKeywords } from './find-unknown-keywords.js';
import type {
  EntityAnnotations,
  JsonLogic,
  JsonSchema,
  JsonSchemaType,
  NumberAnnotation,
  PropertyAnnotations,
  WorkflowAnnotation,
} from './json-schema.js';
import { type DefinitionIssue, SchemaDefinitionError } from './schema-definition-error.js';
import { softDeleteField, systemFields } from './system-fields.js';

/** One file of an app's `core/`, already parsed from JSON. */
export interface SourceFile {
  /** path relative to the app root, e.g. `core/schema/deal.schema.json` */
  file: string;
  data: unknown;
}

export interface AppSources {
  manifest: SourceFile;
  schemas: SourceFile[];
  rules: SourceFile[];
  actions: SourceFile[];
}

/** The meta-schema validators, compiled on first use: importing this module costs nothing. */
const metaValidators = (() => {
  let compiled: ReturnType<typeof compileMetaValidators> | undefined;
  return () => {
    compiled ??= compileMetaValidators();
    return compiled;
  };
})();

function compileMetaValidators() {
  const ajv = createAjv({ strict: false });
  // action bodies and event payloads are checked by the entity meta-schema's `propertySchema` (bounds
  // and all); the manifest's error responses by the action meta-schema's `response`
  ajv.addSchema(entityMetaSchema);
  ajv.addSchema(actionSchema);
  return {
    validateEntityMeta: ajv.getSchema(entityMetaSchema.$id) ?? ajv.compile(entityMetaSchema),
    validateManifest: ajv.compile<AppManifest>(manifestSchema),
    validateRules: ajv.compile<RuleFile>(rulesSchema),
    validateAction:
      ajv.getSchema<ActionDefinition>(actionSchema.$id) ?? ajv.compile<ActionDefinition>(actionSchema),
  };
}

/** Variables every rule may read besides the record's own fields. */
const contextVariables = new Set(['$user', '$now', '$today', '$tenant', '$previous']);

function baseName(file: string, suffix: string): string {
  const name = file.split('/').pop() ?? file;
  return name.endsWith(suffix) ? name.slice(0, -suffix.length) : name;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface CompileAppModelOptions {
  /**
   * `framework` for the contracts of the framework's own APIs (authentication, tenancy, audit),
   * which may use what only their routes implement: `user` and `credential` access, `security`,
   * the manifest's `securitySchemes`. `app` (the default) refuses those.
   */
  scope?: 'app' | 'framework';
}

/**
 * Checks an app's `core/` files and turns them into an {@link AppModel}: the manifest, each
 * entity with its rules and policies, and the actions. Every problem is collected and thrown
 * together as a {@link SchemaDefinitionError} naming the file, the JSON Pointer and the reason.
 *
 * @example
 * const model = compileAppModel({ manifest, schemas, rules, actions });
 * model.entities.map((e) => e.resource) // ['companies', 'deals']
 */
export function compileAppModel(
  sources: AppSources,
  { scope = 'app' }: CompileAppModelOptions = {},
): AppModel {
  const { validateEntityMeta, validateManifest, validateRules, validateAction } = metaValidators();
  const issues: DefinitionIssue[] = [];
  const report = (file: string, pointer: string, message: string) => {
    issues.push({ file, pointer, message });
  };

  if (!validateManifest(sources.manifest.data)) {
    for (const i of issuesFromAjv(validateManifest.errors)) report(sources.manifest.file, i.path, i.message);
  }
  const manifest = sources.manifest.data as AppManifest;

  const entities: EntityModel[] = [];
  const invalid = new Set<string>();
  for (const source of [...sources.schemas].sort((a, b) => compareCodeUnits(a.file, b.file))) {
    const name = baseName(source.file, '.schema.json');
    if (!/^[a-z][a-z0-9-]*$/.test(name)) {
      report(source.file, '', `file name must be <kebab-case-entity>.schema.json, got "${name}"`);
      continue;
    }
    if (!isObject(source.data)) {
      report(source.file, '', 'must be a JSON Schema object');
      continue;
    }
    // an entity that fails its meta-schema is still registered, so references to it do not cascade into more errors
    if (!validateEntityMeta(source.data)) {
      for (const i of issuesFromAjv(validateEntityMeta.errors)) report(source.file, i.path, i.message);
      invalid.add(name);
    }
    const schema = source.data as JsonSchema;
    for (const unknown of findUnknownKeywords(schema)) {
      report(
        source.file,
        unknown.pointer,
        `unknown keyword "${unknown.keyword}" (not JSON Schema 2020-12 nor x-codexion)`,
      );
    }
    const annotations = (schema['x-codexion'] ?? {}) as EntityAnnotations;
    const resource = annotations.table ? (annotations.resource ?? kebabCase(annotations.table)) : undefined;
    const typeName = pascalCase(name);
    entities.push({
      name,
      typeName,
      pluralTypeName: resource ? pascalCase(resource) : `${typeName}List`,
      file: source.file,
      schema,
      annotations,
      ...(annotations.table ? { table: annotations.table } : {}),
      ...(resource ? { resource } : {}),
      primaryKey: annotations.primaryKey ?? 'id',
      rules: [],
      policies: [],
    });
  }

  const byName = new Map(entities.map((e) => [e.name, e]));
  for (const entity of entities) if (!invalid.has(entity.name)) checkEntity(entity, byName, report);
  checkUnique(
    entities.filter((e) => e.table),
    (e) => e.table ?? '',
    'table',
    report,
  );
  checkUnique(
    entities.filter((e) => e.resource),
    (e) => e.resource ?? '',
    'resource',
    report,
  );

  for (const source of sources.rules) {
    const name = baseName(source.file, '.rules.json');
    const entity = byName.get(name);
    if (!entity) {
      report(
        source.file,
        '',
        `no entity "${name}" for this rules file (expected core/schema/${name}.schema.json)`,
      );
      continue;
    }
    if (!validateRules(source.data)) {
      for (const i of issuesFromAjv(validateRules.errors)) report(source.file, i.path, i.message);
      continue;
    }
    const file = source.data as RuleFile;
    const fields = fieldNames(entity);
    const ids = new Set<string>();
    (file.rules ?? []).forEach((rule, index) => {
      const at = `/rules/${index}`;
      if (ids.has(rule.id)) report(source.file, `${at}/id`, `duplicate rule id "${rule.id}"`);
      ids.add(rule.id);
      const top = rule.path.split('/')[1];
      if (top !== undefined && !fields.has(top))
        report(source.file, `${at}/path`, `"${rule.path}" is not a field of ${entity.name}`);
      checkLogic(rule.assert, `${at}/assert`, fields, source.file, report);
      if (rule.when !== undefined) checkLogic(rule.when, `${at}/when`, fields, source.file, report);
    });
    (file.policies ?? []).forEach((policy, index) => {
      checkLogic(policy.condition, `/policies/${index}/condition`, fields, source.file, report);
    });
    entity.rules = file.rules ?? [];
    entity.policies = file.policies ?? [];
  }

  const actions: ActionDefinition[] = [];
  const actionIds = new Map<string, string>();
  for (const source of [...sources.actions].sort((a, b) => compareCodeUnits(a.file, b.file))) {
    if (!validateAction(source.data)) {
      for (const i of issuesFromAjv(validateAction.errors)) report(source.file, i.path, i.message);
      continue;
    }
    const action = source.data as ActionDefinition;
    const earlier = actionIds.get(action.id);
    if (earlier) report(source.file, '/id', `action id "${action.id}" is already used by ${earlier}`);
    actionIds.set(action.id, source.file);
    if (action.entity && !byName.has(action.entity))
      report(source.file, '/entity', `no entity "${action.entity}"`);
    for (const [pointer, schema] of actionSchemas(action)) {
      for (const unknown of findUnknownKeywords(schema, pointer)) {
        report(source.file, unknown.pointer, `unknown keyword "${unknown.keyword}"`);
      }
    }
    checkAction(action, manifest, scope, (pointer, message) => report(source.file, pointer, message));
    actions.push(action);
  }
  if (scope === 'app' && isObject(manifest) && manifest.securitySchemes !== undefined) {
    report(
      sources.manifest.file,
      '/securitySchemes',
      "only the framework's own APIs declare security schemes: an app's operations take the standard ones",
    );
  }

  checkPermissionsDeclared(sources, entities, actions, report);
  if (issues.length > 0) throw new SchemaDefinitionError(issues);
  return { manifest, entities, actions };
}

/** Every JSON Schema an action holds, by its JSON Pointer in the file. */
function actionSchemas(action: ActionDefinition): [string, JsonSchema][] {
  const found: [string, JsonSchema][] = [];
  const add = (pointer: string, schema: JsonSchema | undefined) => {
    if (schema !== undefined) found.push([pointer, schema]);
  };
  add('/params', action.params);
  add('/request', action.request);
  add('/response', action.response);
  for (const [status, response] of Object.entries(action.responses ?? {})) {
    const at = `/responses/${status}`;
    add(`${at}/schema`, response.schema);
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      add(`${at}/headers/${escapePointerToken(name)}/schema`, header.schema);
    }
  }
  return found;
}

/** The security schemes every API has (`securitySchemes` of `@codexion/schema`). */
const standardSchemes = new Set(['session', 'bearer', 'apiKey']);

/**
 * The error statuses an operation may document: those with a shared problem response
 * (`problemResponses`). 429 and 500 are on every operation without being listed.
 */
export const documentedErrorStatuses: ReadonlySet<number> = new Set([
  400, 401, 403, 404, 409, 412, 413, 415, 422, 428,
]);

/** What the meta-schema cannot say about one action: names it uses exist, and its answers fit. */
function checkAction(
  action: ActionDefinition,
  manifest: AppManifest,
  scope: 'app' | 'framework',
  report: (pointer: string, message: string) => void,
): void {
  const frameworkOnly = "only the framework's own APIs";
  if (scope === 'app' && (action.access === 'user' || action.access === 'credential')) {
    report(
      '/access',
      `${frameworkOnly} take "${action.access}" access: an app's action is "tenant" or "public"`,
    );
  }
  if (scope === 'app' && action.security !== undefined) {
    report('/security', `${frameworkOnly} choose their security requirements`);
  }
  const schemes = new Set([...standardSchemes, ...Object.keys(manifest.securitySchemes ?? {})]);
  action.security?.forEach((requirement, i) => {
    requirement.forEach((scheme, j) => {
      if (!schemes.has(scheme)) report(`/security/${i}/${j}`, `no security scheme "${scheme}"`);
    });
  });
  if (action.tag !== undefined && !(manifest.tags ?? []).some((tag) => tag.name === action.tag)) {
    report('/tag', `tag "${action.tag}" is not declared in the manifest's tags`);
  }
  const pathNames = [...action.path.matchAll(/\{([^{}/]+)\}/g)].map((m) => m[1] ?? '');
  if (action.params !== undefined) {
    const declared = Object.keys(action.params.properties ?? {});
    for (const name of pathNames) {
      if (!declared.includes(name))
        report('/params/properties', `the path parameter "${name}" has no schema`);
    }
    for (const name of declared) {
      if (!pathNames.includes(name)) {
        report(
          `/params/properties/${escapePointerToken(name)}`,
          `"${name}" is not a parameter of ${action.path}`,
        );
      }
    }
  }
  for (const [i, status] of (action.errors ?? []).entries()) {
    if (!documentedErrorStatuses.has(status)) {
      report(
        `/errors/${i}`,
        `${status} has no shared problem response: use one of ${[...documentedErrorStatuses].join(', ')}`,
      );
    }
  }
  if (action.responses !== undefined) {
    const statuses = Object.keys(action.responses).map(Number);
    if (!statuses.some((status) => status < 400)) {
      report('/responses', 'needs a success (2xx) or redirect (3xx) answer');
    }
    for (const [key, response] of Object.entries(action.responses)) {
      const status = Number(key);
      if (status >= 400 && response.schema !== undefined) {
        report(
          `/responses/${key}/schema`,
          'an error answers with the Problem document: no schema of its own',
        );
      }
      if ((status === 204 || (status >= 300 && status < 400)) && response.schema !== undefined) {
        report(`/responses/${key}/schema`, `a ${status} has no body`);
      }
      if (status >= 400 && status !== 429 && status !== 500 && !documentedErrorStatuses.has(status)) {
        report(`/responses/${key}`, `${status} has no shared problem response`);
      }
      if (
        status >= 400 &&
        action.errors !== undefined &&
        status !== 429 &&
        status !== 500 &&
        !action.errors.includes(status)
      ) {
        report(`/responses/${key}`, `${status} is not one of the action's errors`);
      }
    }
  }
  if (action.request === undefined || action.method === 'GET') {
    // a GET's request is its query parameters: there is no body to type or leave out
    if (action.contentType !== undefined) report('/contentType', 'the action takes no body');
    if (action.requestRequired !== undefined) report('/requestRequired', 'the action takes no body');
  }
}

function fieldNames(entity: EntityModel): Set<string> {
  const names = new Set(Object.keys(entity.schema.properties ?? {}));
  if (entity.table) {
    for (const name of Object.keys(systemFields)) names.add(name);
    if (entity.annotations.softDelete) for (const name of Object.keys(softDeleteField)) names.add(name);
  }
  return names;
}

function checkLogic(
  logic: JsonLogic,
  pointer: string,
  fields: Set<string>,
  file: string,
  report: (file: string, pointer: string, message: string) => void,
): void {
  const scan = scanJsonLogic(logic, pointer);
  for (const op of scan.unknownOperators)
    report(file, op.pointer, `unknown JSON Logic operation "${op.name}"`);
  for (const ref of scan.vars) {
    const head = ref.name.split('.')[0] ?? ref.name;
    if (!fields.has(head) && !contextVariables.has(head))
      report(file, ref.pointer, `"${ref.name}" is not a field`);
  }
}

function checkUnique(
  entities: EntityModel[],
  key: (e: EntityModel) => string,
  what: string,
  report: (file: string, pointer: string, message: string) => void,
): void {
  const seen = new Map<string, string>();
  for (const entity of entities) {
    const value = key(entity);
    const other = seen.get(value);
    if (other) report(entity.file, `/x-codexion/${what}`, `${what} "${value}" is also used by ${other}`);
    seen.set(value, entity.file);
  }
}

function typeIncludes(schema: JsonSchema | undefined, type: JsonSchemaType): boolean {
  return schema?.type === type || (Array.isArray(schema?.type) && schema.type.includes(type));
}

/**
 * `x-codexion.number`: `onState` a workflow state, `field` a read-only string property long
 * enough to be written by the engine, `dateField` a date property, needed for `scope: "year"`.
 */
function checkNumberAnnotation(
  number: NumberAnnotation,
  workflow: WorkflowAnnotation | undefined,
  properties: Record<string, JsonSchema>,
  report: (pointer: string, message: string) => void,
): void {
  if (workflow === undefined)
    report('/x-codexion/number', 'a number is assigned on a workflow state: add a workflow');
  else if (!workflow.states.includes(number.onState))
    report('/x-codexion/number/onState', `"${number.onState}" is not a state`);
  const field = properties[number.field];
  if (field === undefined) report('/x-codexion/number/field', `"${number.field}" is not a property`);
  else if (!typeIncludes(field, 'string') || field.readOnly !== true)
    report('/x-codexion/number/field', `"${number.field}" must be a readOnly string property`);
  if (number.scope === 'year' && number.dateField === undefined)
    report('/x-codexion/number/dateField', 'scope "year" takes the year of a dateField');
  if (number.dateField !== undefined) {
    const date = properties[number.dateField];
    if (date === undefined) report('/x-codexion/number/dateField', `"${number.dateField}" is not a property`);
    else if (!typeIncludes(date, 'string') || (date.format !== 'date' && date.format !== 'date-time'))
      report('/x-codexion/number/dateField', `"${number.dateField}" must be a date or date-time property`);
  }
}

function checkEntity(
  entity: EntityModel,
  byName: Map<string, EntityModel>,
  report: (file: string, pointer: string, message: string) => void,
): void {
  const { file, annotations: a } = entity;
  const properties = entity.schema.properties ?? {};
  const has = (field: string) =>
    Object.hasOwn(properties, field) || (entity.table !== undefined && field in systemFields);
  const need = (field: string | undefined, pointer: string) => {
    if (field !== undefined && !has(field))
      report(file, pointer, `"${field}" is not a property of ${entity.name}`);
  };

  for (const required of entity.schema.required ?? []) {
    if (!Object.hasOwn(properties, required))
      report(file, '/required', `"${required}" is required but not a property`);
  }
  if (entity.table) {
    for (const name of [...Object.keys(systemFields), ...Object.keys(softDeleteField)]) {
      if (Object.hasOwn(properties, name)) {
        report(file, `/properties/${name}`, `"${name}" is a system field the framework adds; remove it`);
      }
    }
  } else {
    for (const key of [
      'resource',
      'indexes',
      'unique',
      'search',
      'softDelete',
      'workflow',
      'number',
      'titleField',
    ] as const) {
      if (a[key] !== undefined)
        report(file, `/x-codexion/${key}`, `"${key}" needs "table": only persisted entities have it`);
    }
  }
  if (a.primaryKey !== undefined && a.primaryKey !== 'id') {
    report(
      file,
      '/x-codexion/primaryKey',
      'only "id" (a uuid the framework assigns) is supported as primary key',
    );
  }
  need(a.titleField, '/x-codexion/titleField');
  a.indexes?.forEach((index, i) => {
    index.fields.forEach((f, j) => {
      need(f, `/x-codexion/indexes/${i}/fields/${j}`);
    });
  });
  a.unique?.forEach((index, i) => {
    index.fields.forEach((f, j) => {
      need(f, `/x-codexion/unique/${i}/fields/${j}`);
    });
  });
  a.search?.forEach((f, i) => {
    need(f, `/x-codexion/search/${i}`);
    const type = properties[f]?.type;
    if (has(f) && type !== 'string' && !(Array.isArray(type) && type.includes('string'))) {
      report(file, `/x-codexion/search/${i}`, `search field "${f}" must be a string property`);
    }
  });
  a.ui?.listColumns?.forEach((f, i) => {
    need(f, `/x-codexion/ui/listColumns/${i}`);
  });
  a.ui?.formSections?.forEach((section, i) => {
    section.fields.forEach((f, j) => {
      need(f, `/x-codexion/ui/formSections/${i}/fields/${j}`);
    });
  });
  if (a.ui?.kanbanField !== undefined) {
    need(a.ui.kanbanField, '/x-codexion/ui/kanbanField');
    const target = properties[a.ui.kanbanField];
    const kanbanAnnotations = target?.['x-codexion'] as PropertyAnnotations | undefined;
    if (target && !target.enum && !kanbanAnnotations?.ref) {
      report(
        file,
        '/x-codexion/ui/kanbanField',
        `kanban field "${a.ui.kanbanField}" must be an enum or a relation`,
      );
    }
  }
  if (a.workflow) {
    const wf = a.workflow;
    need(wf.field, '/x-codexion/workflow/field');
    const states = new Set(wf.states);
    const field = properties[wf.field];
    if (
      field &&
      (!field.enum || field.enum.length !== states.size || !field.enum.every((v) => states.has(String(v))))
    ) {
      report(file, '/x-codexion/workflow/states', `states must equal the enum of "${wf.field}"`);
    }
    if (wf.initial !== undefined && !states.has(wf.initial)) {
      report(file, '/x-codexion/workflow/initial', `"${wf.initial}" is not a state`);
    }
    wf.immutableIn?.forEach((state, i) => {
      if (!states.has(state))
        report(file, `/x-codexion/workflow/immutableIn/${i}`, `"${state}" is not a state`);
    });
    wf.transitions.forEach((t, i) => {
      if (!states.has(t.from))
        report(file, `/x-codexion/workflow/transitions/${i}/from`, `"${t.from}" is not a state`);
      if (!states.has(t.to))
        report(file, `/x-codexion/workflow/transitions/${i}/to`, `"${t.to}" is not a state`);
      if (t.when !== undefined) {
        checkLogic(t.when, `/x-codexion/workflow/transitions/${i}/when`, fieldNames(entity), file, report);
      }
    });
  }
  if (a.number)
    checkNumberAnnotation(a.number, a.workflow, properties, (pointer, message) =>
      report(file, pointer, message),
    );
  for (const [name, property] of Object.entries(properties)) {
    const p = property['x-codexion'] as PropertyAnnotations | undefined;
    if (!p) continue;
    const at = `/properties/${escapePointerToken(name)}/x-codexion`;
    if (p.ref !== undefined && !p.ref.includes(':')) {
      const target = byName.get(p.ref);
      if (!target) report(file, `${at}/ref`, `no entity "${p.ref}" in this app`);
      else if (!target.table)
        report(file, `${at}/ref`, `"${p.ref}" is not persisted (no table), so it cannot be referenced`);
      if (property.type !== 'string' && !(Array.isArray(property.type) && property.type.includes('string'))) {
        report(file, `${at}/ref`, 'a relation must be a string property with format uuid');
      } else if (property.format !== 'uuid') {
        report(file, `${at}/ref`, 'a relation must have format "uuid"');
      }
    }
    if (p.onDelete !== undefined && p.ref === undefined) report(file, `${at}/onDelete`, 'onDelete needs ref');
    if (p.currencyField !== undefined) {
      if (!Object.hasOwn(properties, p.currencyField)) {
        report(file, `${at}/currencyField`, `"${p.currencyField}" is not a property of ${entity.name}`);
      }
      if (p.widget !== 'money') report(file, `${at}/currencyField`, 'currencyField goes with widget "money"');
    }
  }
  if (isObject(entity.schema.$defs) && !entity.table) {
    // value objects may have $defs; nothing more to check
  }
}

/**
 * Every permission an action, a transition or a nav entry asks for must be the app's: a CRUD one
 * its schemas give, or one its manifest declares. The manifest declares only the others, once each:
 * a CRUD permission written out there would be a second source that could drift from the schemas.
 */
function checkPermissionsDeclared(
  sources: AppSources,
  entities: EntityModel[],
  actions: ActionDefinition[],
  report: (file: string, pointer: string, message: string) => void,
): void {
  const manifest = sources.manifest.data as Partial<AppManifest>;
  const derived = new Map<string, EntityModel>();
  for (const entity of entities.filter(servesCrud)) {
    for (const verb of crudVerbs) derived.set(crudPermission(manifest.name ?? '', entity, verb), entity);
  }
  const declared = new Set<string>();
  (manifest.permissions ?? []).forEach(({ name }, i) => {
    const entity = derived.get(name);
    if (entity !== undefined) {
      report(
        sources.manifest.file,
        `/permissions/${i}/name`,
        `"${name}" comes from ${entity.file} (an entity with endpoints has read, create, update and delete): remove it here`,
      );
    } else if (declared.has(name)) {
      report(sources.manifest.file, `/permissions/${i}/name`, `"${name}" is declared twice`);
    }
    declared.add(name);
  });
  const need = (permission: string | undefined, file: string, pointer: string) => {
    if (permission !== undefined && !declared.has(permission) && !derived.has(permission)) {
      report(
        file,
        pointer,
        `permission "${permission}" is not declared in core/app.json, nor a CRUD permission of an entity`,
      );
    }
  };
  (manifest.nav ?? []).forEach((item, i) => {
    need(item.permission, sources.manifest.file, `/nav/${i}/permission`);
  });
  for (const entity of entities) {
    entity.annotations.workflow?.transitions.forEach((t, i) => {
      need(t.permission, entity.file, `/x-codexion/workflow/transitions/${i}/permission`);
    });
  }
  for (const action of actions) {
    const source = sources.actions.find((a) => (a.data as Partial<ActionDefinition>).id === action.id);
    need(action.permission, source?.file ?? 'core/actions', '/permission');
  }
}
