import type { JsonSchema, JsonSchemaType, Widget } from '@codexion/schema';
import { systemFields } from '@codexion/schema';
import { type EntityCatalog, type EntityConfig, propertyAnnotations } from './define-entities.js';

/** How a field is shown and edited; `object` is an embedded record (an address) shown as a group. */
export type FieldWidget = Widget | 'object';

/** One property of an entity, read for display and editing. */
export interface FieldModel {
  name: string;
  /** react-hook-form path: `address.city` */
  path: string;
  /** JSON Pointer: `/address/city` */
  pointer: string;
  /** the schema's label (`x-codexion.label`, else the name in words); pages translate it through the app's catalog */
  label: string;
  widget: FieldWidget;
  type: JsonSchemaType | undefined;
  format: string | undefined;
  schema: JsonSchema;
  required: boolean;
  nullable: boolean;
  /** set by the server (system fields, `readOnly`): never an input */
  readOnly: boolean;
  hidden: boolean;
  enumValues: string[];
  /** target entity of a relation */
  ref: string | undefined;
  /** target entity of an array of references (`tagIds`: `items.x-codexion.ref`) */
  itemsRef: string | undefined;
  currencyField: string | undefined;
  help: string | undefined;
  placeholder: string | undefined;
  /** the fields of an embedded object */
  fields: FieldModel[];
}

const systemNames = new Set(Object.keys(systemFields));

/** `expectedClose` → `Expected close` */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function typesOf(schema: JsonSchema): JsonSchemaType[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (Array.isArray(schema.enum) && schema.enum.every((value) => typeof value === 'string'))
    return ['string'];
  return [];
}

function inferWidget(schema: JsonSchema, type: JsonSchemaType | undefined, hasRef: boolean): FieldWidget {
  const annotations = propertyAnnotations(schema);
  if (annotations.widget) return annotations.widget;
  if (annotations.ref) return 'relation';
  if (Array.isArray(schema.enum)) return 'enum';
  switch (type) {
    case 'boolean':
      return 'boolean';
    case 'integer':
    case 'number':
      return 'number';
    case 'array':
      return schema.items && typesOf(schema.items).includes('string') ? 'tags' : 'json';
    case 'object':
      return hasRef || schema.properties ? 'object' : 'json';
    case 'string':
      switch (schema.format) {
        case 'date':
          return 'date';
        case 'date-time':
          return 'datetime';
        case 'email':
          return 'email';
        case 'uri':
        case 'url':
          return 'url';
        default:
          return (schema.maxLength ?? 0) > 255 ? 'textarea' : 'text';
      }
    default:
      return hasRef ? 'object' : 'json';
  }
}

/** Resolves a `$ref` to an embedded schema of the app (`address.schema.json`, `#/components/schemas/Address`). */
export function resolveSchema(schema: JsonSchema, entity: EntityConfig): JsonSchema {
  return resolveIn(schema, entity.catalog);
}

function resolveIn(schema: JsonSchema, catalog: EntityCatalog | undefined): JsonSchema {
  if (!schema.$ref || !catalog) return schema;
  const { schemas } = catalog;
  const direct = schemas.get(schema.$ref);
  if (direct) return direct;
  const last = schema.$ref.split('/').pop() ?? '';
  for (const [id, candidate] of schemas) {
    if (id.replace(/\.schema\.json$/, '').toLowerCase() === last.replace(/\.schema\.json$/, '').toLowerCase())
      return candidate;
  }
  return schema;
}

/** Where a schema's fields come from: the app's schemas for `$ref`, and the fields pages leave out. */
interface FieldSource {
  catalog?: EntityCatalog | undefined;
  hiddenFields?: readonly string[] | undefined;
  /** whether the API's system fields (`id`, `createdAt`, …) are read-only here: an entity's are */
  system?: boolean;
}

function fieldsOfSchema(
  schema: JsonSchema,
  source: FieldSource,
  prefix: { path: string; pointer: string },
  depth: number,
): FieldModel[] {
  const required = new Set(schema.required ?? []);
  const fields: FieldModel[] = [];
  for (const [name, declared] of Object.entries(schema.properties ?? {})) {
    const resolved = resolveIn(declared, source.catalog);
    const types = typesOf(resolved);
    const type = types.find((candidate) => candidate !== 'null');
    const annotations = propertyAnnotations(declared);
    const widget = inferWidget(
      { ...resolved, ...declared },
      type ?? (declared.$ref ? 'object' : undefined),
      Boolean(declared.$ref),
    );
    const path = prefix.path ? `${prefix.path}.${name}` : name;
    const pointer = `${prefix.pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    fields.push({
      name,
      path,
      pointer,
      // `accountId` points at an account: the person reads "Account"
      label: annotations.label ?? humanize(annotations.ref && /.Id$/.test(name) ? name.slice(0, -2) : name),
      widget,
      type,
      format: resolved.format,
      schema: resolved,
      required: required.has(name),
      nullable: types.includes('null'),
      readOnly:
        resolved.readOnly === true ||
        declared.readOnly === true ||
        (depth === 0 && source.system === true && systemNames.has(name)),
      hidden: annotations.hidden === true || (depth === 0 && (source.hiddenFields?.includes(name) ?? false)),
      enumValues: Array.isArray(resolved.enum)
        ? resolved.enum.filter((v): v is string => typeof v === 'string')
        : [],
      ref: annotations.ref,
      itemsRef: type === 'array' ? propertyAnnotations(resolved.items).ref : undefined,
      currencyField: annotations.currencyField,
      help: annotations.help ?? declared.description,
      placeholder: annotations.placeholder,
      // one level of embedding is what forms show as a group; deeper goes to the JSON widget
      fields:
        widget === 'object' && depth < 1
          ? fieldsOfSchema(resolved, source, { path, pointer }, depth + 1)
          : [],
    });
  }
  return fields;
}

const fieldCache = new WeakMap<EntityConfig, FieldModel[]>();

/**
 * The fields of an entity in schema order: the author's properties, then the system fields the
 * API adds (read-only).
 *
 * @example
 * entityFields(opportunity).find((f) => f.name === 'amount')?.widget // 'money'
 */
export function entityFields(entity: EntityConfig): FieldModel[] {
  let fields = fieldCache.get(entity);
  if (!fields) {
    const source = { catalog: entity.catalog, hiddenFields: entity.options.hiddenFields, system: true };
    const own = fieldsOfSchema(entity.schema, source, { path: '', pointer: '' }, 0);
    const ownNames = new Set(own.map((field) => field.name));
    const system = fieldsOfSchema(
      { properties: systemFields as unknown as Record<string, JsonSchema> },
      source,
      { path: '', pointer: '' },
      0,
    ).filter((field) => !ownNames.has(field.name) && field.name !== 'custom');
    fields = [...own, ...system];
    fieldCache.set(entity, fields);
  }
  return fields;
}

/**
 * The fields of any object schema, read like an entity's: an action's request body, say. `$ref`s
 * resolve against the app's schemas when a catalog is given; nothing is a system field.
 *
 * @example
 * schemaFields({ type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } })
 * // [{ name: 'reason', widget: 'text', required: true, … }]
 */
export function schemaFields(schema: JsonSchema, catalog?: EntityCatalog): FieldModel[] {
  return fieldsOfSchema(schema, { catalog }, { path: '', pointer: '' }, 0);
}

/** One field by name, or `undefined`. */
export function fieldOf(entity: EntityConfig, name: string): FieldModel | undefined {
  return entityFields(entity).find((field) => field.name === name);
}

/** The entity's workflow field (changed through transitions, not by editing), if it has one. */
export function workflowField(entity: EntityConfig): string | undefined {
  return entity.annotations.workflow?.field;
}

/** Fields a user may type into in this mode: not read-only, not hidden, not the workflow field when editing. */
export function writableFields(entity: EntityConfig, mode: 'create' | 'edit'): FieldModel[] {
  const workflow = workflowField(entity);
  return entityFields(entity).filter(
    (field) => !field.readOnly && !field.hidden && !(mode === 'edit' && field.name === workflow),
  );
}

export interface FormSection {
  id: string;
  /** the schema's section title; pages translate it through the app's catalog */
  title: string;
  fields: FieldModel[];
}

/**
 * The form's sections: `ui.formSections` when the schema has them (writable fields only, and any
 * required writable field they forgot in a last section so the form can always be submitted),
 * else one section of every writable field in schema order.
 *
 * @example
 * formSections(account, 'create').map((s) => s.id) // ['main', 'contact']
 */
export function formSections(entity: EntityConfig, mode: 'create' | 'edit'): FormSection[] {
  const writable = writableFields(entity, mode);
  const byName = new Map(writable.map((field) => [field.name, field]));
  const declared = entity.annotations.ui?.formSections;
  if (!declared?.length) return [{ id: 'main', title: entity.title, fields: writable }];
  const placed = new Set<string>();
  const sections: FormSection[] = declared.map((section) => ({
    id: section.id,
    title: section.title,
    fields: section.fields.flatMap((name) => {
      const field = byName.get(name);
      if (!field) return [];
      placed.add(name);
      return [field];
    }),
  }));
  const missing = writable.filter((field) => field.required && !placed.has(field.name));
  if (missing.length) sections.push({ id: 'other', title: '', fields: missing });
  return sections.filter((section) => section.fields.length > 0);
}

/**
 * The list's default columns: the app's `listColumns` option, else `ui.listColumns`, else the title
 * field and the next few scalar fields.
 */
export function defaultColumns(entity: EntityConfig): string[] {
  const declared = entity.options.listColumns ?? entity.annotations.ui?.listColumns;
  if (declared?.length) return declared;
  const scalar = entityFields(entity).filter(
    (field) => !field.hidden && !field.readOnly && field.widget !== 'object' && field.widget !== 'json',
  );
  const names = scalar.map((field) => field.name);
  const ordered = [entity.titleField, ...names.filter((name) => name !== entity.titleField)];
  return ordered.slice(0, 6);
}
