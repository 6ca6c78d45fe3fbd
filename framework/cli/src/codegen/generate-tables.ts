import {
  type AppModel,
  camelCase,
  type EntityModel,
  type JsonSchema,
  type PropertyAnnotations,
  pascalCase,
  snakeCase,
} from '@codexion/schema';
import { tsBanner } from './banner.js';

/** A drizzle column builder call for one JSON Schema property. */
interface ColumnPlan {
  property: string;
  /**
   * TypeScript type of the column's value where drizzle's is wider: a jsonb value object (from
   * client/types.gen.ts) or array, an enum's literals
   */
  jsonType?: string;
  column: string;
  builder: string;
  imports: string[];
  nullable: boolean;
  defaultValue?: unknown;
}

function typesOf(schema: JsonSchema): string[] {
  if (schema.$ref) return ['object'];
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : ['object'];
}

/**
 * Maps one property to a column. Scalars get real SQL types (so filters, sorts and indexes work);
 * objects, arrays and `$ref` value objects are stored as jsonb.
 */
export function planColumn(property: string, schema: JsonSchema, required: boolean): ColumnPlan {
  const types = typesOf(schema);
  // an optional field with a default is filled in on create, so only nullable or default-less ones may be NULL
  const nullable = types.includes('null') || (!required && schema.default === undefined);
  const base = types.filter((t) => t !== 'null');
  const column = snakeCase(property);
  const plan = (builder: string, imports: string[]): ColumnPlan => ({
    property,
    column,
    builder,
    imports,
    nullable,
    ...(schema.default !== undefined ? { defaultValue: schema.default } : {}),
  });
  const json = (): ColumnPlan => ({ ...plan(`jsonb('${column}')`, ['jsonb']), jsonType: jsonTypeOf(schema) });
  if (base.length !== 1) return json();
  switch (base[0]) {
    case 'string':
      if (schema.format === 'uuid') return plan(`uuid('${column}')`, ['uuid']);
      if (schema.format === 'date') return plan(`date('${column}', { mode: 'string' })`, ['date']);
      if (schema.format === 'date-time') {
        return plan(`timestamp('${column}', { withTimezone: true, mode: 'string' })`, ['timestamp']);
      }
      return { ...plan(`text('${column}')`, ['text']), ...enumType(schema) };
    case 'integer':
      return schema.format === 'int64'
        ? plan(`bigint('${column}', { mode: 'number' })`, ['bigint'])
        : plan(`integer('${column}')`, ['integer']);
    case 'number':
      return plan(`doublePrecision('${column}')`, ['doublePrecision']);
    case 'boolean':
      return plan(`boolean('${column}')`, ['boolean']);
    default:
      return json();
  }
}

/** A string enum's literals as the column's type, as the contract types the field: `'open' | 'won'`. */
function enumType(schema: JsonSchema): { jsonType?: string } {
  const values = (schema.enum ?? []).filter((value) => value !== null);
  if (values.length === 0 || !values.every((value) => typeof value === 'string')) return {};
  return { jsonType: values.map((value) => `'${String(value).replace(/[\\']/g, '\\$&')}'`).join(' | ') };
}

const scalarTypes: Record<string, string> = {
  string: 'string',
  integer: 'number',
  number: 'number',
  boolean: 'boolean',
};

/** The value type of a jsonb column: a value object's generated interface, an array of scalars, or `unknown`. */
function jsonTypeOf(schema: JsonSchema): string {
  if (schema.$ref) {
    const file = schema.$ref.split('#')[0]?.split('/').pop() ?? '';
    return file.endsWith('.schema.json') && !schema.$ref.includes('#')
      ? pascalCase(file.slice(0, -'.schema.json'.length))
      : 'unknown';
  }
  const itemType =
    schema.items && typeof schema.items.type === 'string' ? scalarTypes[schema.items.type] : undefined;
  if (schema.type === 'array' && itemType) return `${itemType}[]`;
  return 'unknown';
}

const systemColumns = (softDelete: boolean): string[] => [
  `id: uuid('id').primaryKey().defaultRandom()`,
  `tenantId: uuid('tenant_id').notNull()`,
  `version: integer('version').notNull().default(1)`,
  `createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow()`,
  `updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow()`,
  `createdBy: uuid('created_by')`,
  `updatedBy: uuid('updated_by')`,
  ...(softDelete ? [`deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'string' })`] : []),
  `custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({})`,
];

function columnSource(plan: ColumnPlan): string {
  let source = `${plan.property}: ${plan.builder}`;
  if (plan.jsonType) source += `.$type<${plan.jsonType}>()`;
  if (!plan.nullable) source += '.notNull()';
  if (plan.defaultValue !== undefined && plan.defaultValue !== null) {
    source += `.default(${JSON.stringify(plan.defaultValue)})`;
  }
  return source;
}

function tableConstName(entity: EntityModel): string {
  return camelCase(entity.table ?? entity.name);
}

function constraintSource(
  entity: EntityModel,
  byName: Map<string, EntityModel>,
  imports: Set<string>,
): string[] {
  const table = entity.table ?? entity.name;
  const a = entity.annotations;
  const props = entity.schema.properties ?? {};
  const col = (field: string) => `t.${field}`;
  const lines = [
    // lets other tables point at (tenant_id, id), so a reference can never cross tenants
    // a constraint, not an index: drizzle-kit creates constraints with the table, before any foreign key needs it
    `unique('${table}_tenant_id_id_key').on(t.tenantId, t.id)`,
    `index('${table}_tenant_id_created_at_idx').on(t.tenantId, t.createdAt, t.id)`,
  ];
  imports.add('unique').add('index');
  for (const index of a.indexes ?? []) {
    const name = index.name ?? `${table}_${index.fields.map(snakeCase).join('_')}_idx`;
    lines.push(`index('${name}').on(t.tenantId, ${index.fields.map(col).join(', ')})`);
  }
  for (const key of a.unique ?? []) {
    const name = key.name ?? `${table}_${key.fields.map(snakeCase).join('_')}_key`;
    // biome-ignore lint/suspicious/noTemplateCurlyInString: this is drizzle source written into tables.ts
    const live = a.softDelete ? '.where(sql`${t.deletedAt} is null`)' : '';
    lines.push(`uniqueIndex('${name}').on(t.tenantId, ${key.fields.map(col).join(', ')})${live}`);
    imports.add('uniqueIndex');
    if (a.softDelete) imports.add('sql');
  }
  for (const [field, schema] of Object.entries(props)) {
    const p = schema['x-codexion'] as PropertyAnnotations | undefined;
    const target = p?.ref ? byName.get(p.ref) : undefined;
    if (!p?.ref || !target) continue;
    imports.add('foreignKey');
    // a tree (a ref to its own entity) points at its own columns: naming the table const inside
    // its own initializer would make TypeScript infer it as `any`
    const other = target === entity ? 't' : tableConstName(target);
    lines.push(
      `foreignKey({ name: '${table}_${snakeCase(field)}_fkey', columns: [t.tenantId, t.${field}], foreignColumns: [${other}.tenantId, ${other}.id] }).onDelete('${p.onDelete ?? 'restrict'}')`,
    );
  }
  return lines;
}

/**
 * `core/generated/tables.ts`: one drizzle table per persisted entity, in a PostgreSQL schema named
 * after the app, with the framework's system columns, tenant-scoped indexes and unique keys, and
 * foreign keys on `(tenant_id, <ref>)` so that no row can reference another tenant's row.
 *
 * @example
 * const source = generateTables(model); // TypeScript source, unformatted
 */
export function generateTables(model: AppModel): string {
  const persisted = model.entities.filter((e) => e.table);
  const byName = new Map(model.entities.map((e) => [e.name, e]));
  const imports = new Set<string>(['pgSchema', 'uuid', 'integer', 'timestamp', 'jsonb']);
  const drizzleImports = new Set<string>();
  const schemaConst = `${camelCase(model.manifest.name)}Schema`;
  const blocks: string[] = [];
  for (const entity of persisted) {
    const required = new Set(entity.schema.required ?? []);
    const columns = systemColumns(entity.annotations.softDelete === true);
    for (const [property, schema] of Object.entries(entity.schema.properties ?? {})) {
      const plan = planColumn(property, schema, required.has(property));
      for (const i of plan.imports) imports.add(i);
      columns.push(columnSource(plan));
    }
    const constraintImports = new Set<string>();
    const constraints = constraintSource(entity, byName, constraintImports);
    for (const i of constraintImports) (i === 'sql' ? drizzleImports : imports).add(i);
    blocks.push(
      `/** ${entity.schema.title ?? entity.typeName}: ${entity.file} */\n` +
        `export const ${tableConstName(entity)} = ${schemaConst}.table('${entity.table}', {\n  ${columns.join(',\n  ')},\n}, (t) => [\n  ${constraints.join(',\n  ')},\n]);`,
    );
  }
  const valueTypes = new Set<string>();
  for (const entity of persisted) {
    for (const schema of Object.values(entity.schema.properties ?? {})) {
      const t = schema.$ref ? jsonTypeOf(schema) : 'unknown';
      if (t !== 'unknown') valueTypes.add(t);
    }
  }
  const tableMap = persisted.map((e) => `  '${e.name}': ${tableConstName(e)},`).join('\n');
  return [
    tsBanner(),
    drizzleImports.size ? `import { ${[...drizzleImports].sort().join(', ')} } from 'drizzle-orm';` : '',
    `import { ${[...imports].sort().join(', ')} } from 'drizzle-orm/pg-core';`,
    valueTypes.size
      ? `import type { ${[...valueTypes].sort().join(', ')} } from './client/types.gen.js';`
      : '',
    '',
    `/** Every table of the ${model.manifest.name} app lives in this PostgreSQL schema. */`,
    `export const ${schemaConst} = pgSchema('${snakeCase(model.manifest.name)}');`,
    '',
    blocks.join('\n\n'),
    '',
    '/** Tables by entity name, for the resource engine. */',
    `export const tables = {\n${tableMap}\n} as const;`,
    '',
  ].join('\n');
}
