import type {
  EntityAnnotations,
  JsonSchema,
  PropertyAnnotations,
  RuleDefinition,
  RuleFile,
} from '@codexion/schema';
import { kebabCase, pascalCase } from '@codexion/schema';
import type { ComponentType } from 'react';
import type { ListFilter, ListSort } from '../list/list-query.js';
import type { ResourceOperationMap, ResourceOperations, SdkCall } from '../resource/call-resource.js';
import type { FieldModel } from './field-model.js';

/** A change-history entry as the detail page shows it. */
export interface HistoryEntry {
  at: string;
  actor?: string | null;
  action: string;
  /** field → [before, after] */
  changes?: Record<string, [unknown, unknown]>;
}

/**
 * How the generated board shows and moves cards. The columns are the kanban field's enum values,
 * or, for a relation field (a deal's `stageId`), the records it points at (stages), optionally
 * split by a scope both share (one board per pipeline, picked above it).
 */
export interface KanbanOptions {
  /** the field whose values are the columns (an enum or a relation); defaults to `ui.kanbanField` */
  field?: string;
  /**
   * an action of the generated SDK to call instead of PATCH, with the card's id as `path.id` and
   * the new column in `bodyField`, e.g. `{ call: moveDeal, bodyField: 'stageId' }`
   */
  action?: { call: SdkCall; bodyField: string };
  /** fixed conditions on the cards shown, e.g. only open deals: `[{ field: 'status', op: 'eq', value: 'open' }]` */
  filters?: ListFilter[];
  /** order of the cards in a column, e.g. `[{ field: 'rank', desc: false }]` */
  sort?: ListSort[];
  /** relation columns: the target's field they are ordered by, e.g. `position` */
  columnSort?: string;
  /**
   * splits the board by a relation of the cards (`field`, e.g. `pipelineId`) that the column records
   * share (`columnField`, the same name unless given); `sort` orders the switcher's choices
   */
  scope?: { field: string; columnField?: string; sort?: string };
  /** a money field summed in each column's header (per currency) */
  sumField?: string;
  /** fields shown on a card under its title; money, relation and date fields by default */
  cardFields?: string[];
}

export interface EntityOptions {
  kanban?: KanbanOptions;
  /**
   * the generated SDK function that reads a record's change history (called with `path.id`);
   * leave out when the API has none
   */
  history?: SdkCall;
  /** the related lists to show on the detail page; defaults to every entity that references this one */
  related?: { entity: string; field: string }[];
  /** the list's default columns, when the app wants others than the schema's `ui.listColumns` */
  listColumns?: string[];
  /**
   * the list's order while the URL names none (newest first, by creation, otherwise), e.g. invoices
   * by posting date: `[{ field: 'postingDate', desc: true }]`
   */
  listSort?: ListSort[];
  /** fields the generated pages leave out (lists, forms, detail), e.g. ids of a module not there yet */
  hiddenFields?: string[];
  /**
   * fills in what the server sets on every write before rules run (a person's `name` composed from
   * first and last name), so the browser checks the record the server will check
   */
  derive?: (record: Record<string, unknown>) => Record<string, unknown>;
  /**
   * the app's own form control for a field instead of the generated one (an invoice's line table
   * for its `lines`), inside the form's react-hook-form context: it reads and writes the field's
   * draft value (JSON text for an array of objects) and shows the issues the form placed under its
   * path (`lines.2.unitPrice`)
   */
  fieldControls?: Record<string, ComponentType<CustomFieldControlProps>>;
  /** fields the detail page leaves out of its field list (an app slot shows them its own way) */
  detailHiddenFields?: string[];
}

/** What an app's own form control for a field (`EntityOptions.fieldControls`) is given. */
export interface CustomFieldControlProps {
  entity: EntityConfig;
  field: FieldModel;
  required?: boolean;
}

/** A relation from another entity to this one: `field` of `entity` holds this entity's id. */
export interface RelatedList {
  entity: EntityConfig;
  field: string;
}

/** Everything the generated pages need to know about one persisted entity of an app. */
export interface EntityConfig {
  app: string;
  /** kebab-case, from the schema's file name: `opportunity` */
  name: string;
  /** PascalCase singular: `Opportunity` */
  typeName: string;
  /** the schema's `title` */
  title: string;
  /** URL segment of the resource: `opportunities` */
  resource: string;
  primaryKey: string;
  /** the field shown as the record's name */
  titleField: string;
  schema: JsonSchema;
  annotations: EntityAnnotations;
  rules: RuleDefinition[];
  options: EntityOptions;
  /** the entity's CRUD functions of the app's generated SDK (empty when the app gave none) */
  operations: ResourceOperations;
  /** every entity and embedded schema of the app, to resolve `$ref` and `x-codexion.ref` */
  catalog: EntityCatalog;
}

/** The entities of one app, looked up by name. */
export interface EntityCatalog {
  app: string;
  entities: EntityConfig[];
  /** all schemas, persisted or embedded, by `$id` */
  schemas: Map<string, JsonSchema>;
  get(name: string): EntityConfig | undefined;
  /** like `get`, but an unknown name is a programming error */
  entity(name: string): EntityConfig;
  /** entities with a field that references `entity` */
  relatedTo(entity: EntityConfig): RelatedList[];
}

export interface DefineEntitiesInput {
  /** the app's name, the first part of its permissions */
  app: string;
  /** every `core/schema/*.schema.json` of the app */
  schemas: JsonSchema[];
  /** `core/rules/<entity>.rules.json` contents by entity name */
  rules?: Record<string, RuleFile | RuleDefinition[]>;
  options?: Record<string, EntityOptions>;
  /**
   * the app's generated `core/generated/client/resources.gen.ts` map (`crmResources`): the generic
   * pages call each entity's API through these SDK functions
   */
  operations?: ResourceOperationMap;
}

function nameOf(schema: JsonSchema): string {
  const id = schema.$id ?? schema.title ?? '';
  return kebabCase(id.replace(/^.*\//, '').replace(/\.schema\.json$/, ''));
}

function isEntityAnnotations(value: unknown): value is EntityAnnotations {
  return typeof value === 'object' && value !== null;
}

/** `x-codexion` of a property, or an empty object. */
export function propertyAnnotations(schema: JsonSchema | undefined): PropertyAnnotations {
  const value = schema?.['x-codexion'];
  return typeof value === 'object' && value !== null ? (value as PropertyAnnotations) : {};
}

/**
 * Reads an app's schemas and rules into the entity configs the generated pages are built from,
 * cross-linked so relation pickers and related lists can find their targets.
 *
 * @example
 * const sales = defineEntities({ app: 'sales', schemas: [account, address, opportunity], rules: { opportunity: opportunityRules } });
 * createResourceRoutes(sales.entity('opportunity'));
 */
export function defineEntities({
  app,
  schemas,
  rules = {},
  options = {},
  operations = {},
}: DefineEntitiesInput): EntityCatalog {
  const byId = new Map<string, JsonSchema>();
  for (const schema of schemas) byId.set(schema.$id ?? nameOf(schema), schema);
  const entities: EntityConfig[] = [];
  const byName = new Map<string, EntityConfig>();
  const catalog: EntityCatalog = {
    app,
    entities,
    schemas: byId,
    get: (name) => byName.get(name),
    entity(name) {
      const found = byName.get(name);
      if (!found) throw new Error(`No entity "${name}" in app "${app}"`);
      return found;
    },
    relatedTo(target) {
      if (target.options.related) {
        return target.options.related.flatMap(({ entity, field }) => {
          const found = byName.get(entity);
          return found ? [{ entity: found, field }] : [];
        });
      }
      const related: RelatedList[] = [];
      for (const entity of entities) {
        for (const [field, property] of Object.entries(entity.schema.properties ?? {})) {
          const ref = propertyAnnotations(property).ref;
          if (ref === target.name || ref === `${app}:${target.name}`) related.push({ entity, field });
        }
      }
      return related;
    },
  };
  for (const schema of schemas) {
    const annotations = isEntityAnnotations(schema['x-codexion'])
      ? (schema['x-codexion'] as EntityAnnotations)
      : {};
    if (!annotations.table) continue; // embedded schemas (an address) have no pages of their own
    const name = nameOf(schema);
    const ruleSource = rules[name];
    const entity: EntityConfig = {
      app,
      name,
      typeName: pascalCase(name),
      title: schema.title ?? pascalCase(name),
      resource: annotations.resource ?? kebabCase(annotations.table),
      primaryKey: annotations.primaryKey ?? 'id',
      titleField: annotations.titleField ?? annotations.primaryKey ?? 'id',
      schema,
      annotations,
      rules: Array.isArray(ruleSource) ? ruleSource : (ruleSource?.rules ?? []),
      options: options[name] ?? {},
      operations: operations[name] ?? {},
      catalog,
    };
    entities.push(entity);
    byName.set(name, entity);
  }
  return catalog;
}

/** The permission name of an action on an entity: `sales:opportunity:update`. */
export function permissionOf(entity: EntityConfig, action: 'read' | 'create' | 'update' | 'delete'): string {
  return `${entity.app}:${entity.name}:${action}`;
}
