import {
  type EntityModel,
  type JsonSchema,
  type PropertyAnnotations,
  snakeCase,
  systemFieldNames,
  userReference,
  withSystemFields,
} from '@codexion/schema';
import { getTableColumns } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

/** How a column's value travels: the JSON form the API shows and the SQL type it is bound as. */
export type FieldKind = 'text' | 'integer' | 'number' | 'boolean' | 'date' | 'timestamp' | 'uuid' | 'jsonb';

/** One property of a persisted entity and the column that stores it. */
export interface FieldPlan {
  /** the API property, camelCase */
  name: string;
  column: PgColumn;
  kind: FieldKind;
  /** SQL type to cast bound values to, e.g. `timestamptz` */
  cast: string;
  /** the property's schema in the record (system fields included) */
  schema: JsonSchema;
  /** the schema allows `null`, so a NULL column is shown as `null` rather than left out */
  allowsNull: boolean;
  /** the column can hold NULL (or the property can be absent): `isNull` and NULLS ordering apply */
  nullable: boolean;
  system: boolean;
  /** refused in writes: system fields and `readOnly` properties */
  readOnly: boolean;
  /** a single scalar column: can be filtered and sorted on */
  scalar: boolean;
}

/** A to-one relation `include` can expand. */
export interface RelationPlan {
  /** the property holding the reference, e.g. `accountId` */
  field: string;
  /** the referenced entity's name, e.g. `account` */
  target: string;
  /** where the referenced record is embedded: `account` for `accountId` */
  key: string;
}

/** An array property whose items refer to records of another entity of the same app. */
export interface ItemReferencePlan {
  field: FieldPlan;
  /** the referenced entity's name, e.g. `tag` */
  target: string;
}

/** Everything the engine needs to know about one entity, computed once. */
export interface EntityPlan {
  entity: EntityModel;
  table: PgTable;
  /** API properties in column order */
  fields: Map<string, FieldPlan>;
  /** by database column name */
  byColumn: Map<string, FieldPlan>;
  id: FieldPlan;
  tenantId: FieldPlan;
  version: FieldPlan;
  deletedAt: FieldPlan | undefined;
  /** properties the author declared (not system fields) */
  authorFields: FieldPlan[];
  searchFields: FieldPlan[];
  relations: Map<string, RelationPlan>;
  /** unique constraint name → the properties it covers (without the tenant) */
  uniqueConstraints: Map<string, string[]>;
  /** foreign key constraint name → the referencing property */
  foreignKeys: Map<string, string>;
  /** properties holding user ids (`x-codexion.ref: prefiq:user`, on the property or its items) */
  userRefs: FieldPlan[];
  /** the ordering key (`x-codexion.rank`) and the properties that group it, when the entity has one */
  rank: { field: FieldPlan; groupBy: FieldPlan[] } | undefined;
  /** arrays of ids of the app's own records (`items.x-codexion.ref: tag`): no foreign key guards them */
  itemRefs: ItemReferencePlan[];
  /** the record schema as the API returns it */
  recordSchema: JsonSchema;
}

const systemNames = new Set<string>(systemFieldNames(true));

function kindOf(column: PgColumn): { kind: FieldKind; cast: string } {
  const type = column.getSQLType().toLowerCase();
  if (type === 'uuid') return { kind: 'uuid', cast: 'uuid' };
  if (type === 'text' || type.startsWith('varchar') || type.startsWith('character'))
    return { kind: 'text', cast: 'text' };
  if (type === 'integer' || type === 'smallint' || type === 'bigint') return { kind: 'integer', cast: type };
  if (type === 'double precision' || type === 'real' || type.startsWith('numeric')) {
    return { kind: 'number', cast: 'double precision' };
  }
  if (type === 'boolean') return { kind: 'boolean', cast: 'boolean' };
  if (type === 'date') return { kind: 'date', cast: 'date' };
  if (type.startsWith('timestamp')) return { kind: 'timestamp', cast: 'timestamptz' };
  if (type === 'jsonb' || type === 'json') return { kind: 'jsonb', cast: 'jsonb' };
  throw new Error(`column "${column.name}" has type ${type}, which the resource engine does not map`);
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type === undefined ? [] : [schema.type];
}

function allowsNull(schema: JsonSchema): boolean {
  if (typesOf(schema).includes('null')) return true;
  const branches = [
    ...((schema.anyOf as JsonSchema[] | undefined) ?? []),
    ...((schema.oneOf as JsonSchema[] | undefined) ?? []),
  ];
  return branches.some((b) => typeof b === 'object' && b !== null && allowsNull(b));
}

function embedKey(field: string, properties: Record<string, unknown>): string {
  const stripped = field.endsWith('Id') && field.length > 2 ? field.slice(0, -2) : '';
  return stripped !== '' && !Object.hasOwn(properties, stripped) ? stripped : `${field}Record`;
}

/**
 * Joins an entity's schema with its drizzle table: which column stores which property, how to
 * bind and show its values, what may be filtered, sorted, searched and included. Refuses a table
 * that does not match the schema (stale codegen) so the mismatch shows at boot, not per request.
 *
 * @example
 * const plan = planEntity(opportunity, tables.opportunity);
 * plan.fields.get('amount')?.kind // 'integer'
 */
export function planEntity(entity: EntityModel, table: PgTable): EntityPlan {
  const softDelete = entity.annotations.softDelete === true;
  const recordSchema = withSystemFields(entity.schema, { softDelete });
  const properties = recordSchema.properties ?? {};
  const required = new Set(recordSchema.required ?? []);
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const fields = new Map<string, FieldPlan>();
  const byColumn = new Map<string, FieldPlan>();
  const label = `${entity.file} (table ${entity.table ?? '?'})`;

  for (const [name, column] of Object.entries(columns)) {
    const schema = properties[name];
    if (schema === undefined)
      throw new Error(`${label}: column "${column.name}" (${name}) is not in the schema; run codegen`);
    const { kind, cast } = kindOf(column);
    const system = systemNames.has(name);
    const plan: FieldPlan = {
      name,
      column,
      kind,
      cast,
      schema,
      allowsNull: allowsNull(schema),
      nullable: !column.notNull || !required.has(name),
      system,
      readOnly: (system && name !== 'custom') || schema.readOnly === true,
      scalar: kind !== 'jsonb' && name !== 'tenantId',
    };
    fields.set(name, plan);
    byColumn.set(column.name, plan);
  }
  for (const name of Object.keys(properties)) {
    if (!fields.has(name)) throw new Error(`${label}: property "${name}" has no column; run codegen`);
  }
  const get = (name: string): FieldPlan => {
    const field = fields.get(name);
    if (field === undefined) throw new Error(`${label}: the system field "${name}" has no column`);
    return field;
  };

  const relations = new Map<string, RelationPlan>();
  for (const [name, schema] of Object.entries(entity.schema.properties ?? {})) {
    const ref = (schema['x-codexion'] as PropertyAnnotations | undefined)?.ref;
    const isArray = typesOf(schema).includes('array');
    // refs to another app's entity (`crm:contact`) are not expanded: their tables are not ours
    if (ref === undefined || ref.includes(':') || isArray) continue;
    relations.set(name, { field: name, target: ref, key: embedKey(name, properties) });
  }

  const tableName = entity.table ?? entity.name;
  const uniqueConstraints = new Map<string, string[]>();
  for (const key of entity.annotations.unique ?? []) {
    uniqueConstraints.set(key.name ?? `${tableName}_${key.fields.map(snakeCase).join('_')}_key`, key.fields);
  }
  const foreignKeys = new Map<string, string>();
  for (const field of relations.keys()) foreignKeys.set(`${tableName}_${snakeCase(field)}_fkey`, field);

  const rankEntry = [...fields.values()].find(
    (field) => (field.schema['x-codexion'] as PropertyAnnotations | undefined)?.rank !== undefined,
  );
  const rank =
    rankEntry === undefined
      ? undefined
      : {
          field: rankEntry,
          groupBy: (
            (rankEntry.schema['x-codexion'] as PropertyAnnotations | undefined)?.rank?.groupBy ?? []
          ).map(get),
        };
  if (rank !== undefined && rank.field.kind !== 'text')
    throw new Error(`${label}: the rank "${rank.field.name}" must be a string property`);

  return {
    entity,
    table,
    fields,
    byColumn,
    id: get(entity.primaryKey),
    tenantId: get('tenantId'),
    version: get('version'),
    deletedAt: softDelete ? get('deletedAt') : undefined,
    authorFields: [...fields.values()].filter((f) => !f.system),
    searchFields: (entity.annotations.search ?? []).map(get),
    relations,
    uniqueConstraints,
    foreignKeys,
    rank,
    itemRefs: [...fields.values()].flatMap((field) => {
      const ref = (
        (field.schema.items as JsonSchema | undefined)?.['x-codexion'] as PropertyAnnotations | undefined
      )?.ref;
      return ref === undefined || ref.includes(':') ? [] : [{ field, target: ref }];
    }),
    userRefs: [...fields.values()].filter((field) => {
      const refOf = (schema: JsonSchema | undefined) =>
        (schema?.['x-codexion'] as PropertyAnnotations | undefined)?.ref;
      return (
        refOf(field.schema) === userReference || refOf(field.schema.items as JsonSchema) === userReference
      );
    }),
    recordSchema,
  };
}
