import type { AppModel, EntityModel } from '../model/app-model.js';
import { type CrudVerb, crudPermission } from '../model/app-permissions.js';
import type { JsonSchema } from '../model/json-schema.js';
import { kebabCase } from '../names/case.js';
import type { DocumentBuilder, Origin } from './document-builder.js';
import { relationFields, scalarFields } from './field-kinds.js';
import {
  fieldsParameter,
  filterParameter,
  idParameter,
  includeParameter,
  searchParameter,
  sortParameter,
} from './list-parameters.js';
import type { OpenApiParameter, OpenApiRef, OpenApiResponse } from './openapi-types.js';
import { errorResponses, jsonContent } from './operation-helpers.js';
import { componentRef } from './rewrite-refs.js';

/**
 * Adds the CRUD operations of one persisted entity: list, create, bulk create, get, update,
 * delete, plus restore (`softDelete`) and transition (`workflow`).
 *
 * @param record the `<T>` component schema (system fields included), to derive parameters from
 * @param authored the author's schema after ref rewriting, to find relations
 *
 * @example
 * addCrudPaths(builder, app, deal, record, authored); // adds /deals, /deals/bulk, /deals/{id}, ...
 */
export function addCrudPaths(
  builder: DocumentBuilder,
  app: AppModel,
  entity: EntityModel,
  record: JsonSchema,
  authored: JsonSchema,
): void {
  const resource = entity.resource ?? kebabCase(entity.table ?? entity.name);
  const collection = `/${resource}`;
  const item = `${collection}/{id}`;
  const { typeName, pluralTypeName } = entity;
  const singular = words(entity.name);
  const plural = words(resource);
  const tags = [typeName];
  const origin: Origin = { source: entity.file, pointer: '' };
  // the same names the permission catalogue derives from the schemas (`crudPermissions`)
  const permission = (verb: CrudVerb): string => crudPermission(app.manifest.name, entity, verb);

  const ref = (name: string): JsonSchema => ({ $ref: componentRef(name) });
  const id = idParameter(entity.primaryKey, record);
  // every query is already scoped to the caller's tenant
  const scalars = scalarFields(record).filter((f) => f.name !== 'tenantId');
  const relations = relationFields(authored);
  const fields = fieldsParameter(Object.keys(record.properties ?? {}));
  const include = relations.length > 0 ? [includeParameter(relations)] : [];
  const search = entity.annotations.search ?? [];
  const withEtag = (description: string, schema: JsonSchema): OpenApiResponse => ({
    description,
    headers: { ETag: builder.headerRef('ETag') },
    content: jsonContent(schema),
  });

  const listParameters: (OpenApiParameter | OpenApiRef)[] = [
    ...(search.length > 0 ? [searchParameter(search)] : []),
    sortParameter(scalars),
    builder.parameterRef('Cursor'),
    builder.parameterRef('PageNumber'),
    builder.parameterRef('PageSize'),
    builder.parameterRef('IncludeTotal'),
    fields,
    ...include,
    builder.parameterRef('Where'),
    filterParameter(scalars),
  ];
  builder.addOperation(
    collection,
    'get',
    {
      operationId: `list${pluralTypeName}`,
      summary: `List ${plural}`,
      description: `Pages through the ${plural} the caller may read, filtered and sorted.`,
      tags,
      parameters: listParameters,
      responses: {
        '200': { description: `A page of ${plural}`, content: jsonContent(ref(`${typeName}Page`)) },
        ...errorResponses(builder, []),
      },
      'x-codexion-permission': permission('read'),
    },
    origin,
  );

  builder.addOperation(
    collection,
    'post',
    {
      operationId: `create${typeName}`,
      summary: `Create ${aOrAn(singular)}`,
      tags,
      parameters: [builder.parameterRef('IdempotencyKey')],
      requestBody: { required: true, content: jsonContent(ref(`${typeName}Create`)) },
      responses: {
        '201': {
          description: `The created ${singular}`,
          headers: { Location: builder.headerRef('Location'), ETag: builder.headerRef('ETag') },
          content: jsonContent(ref(typeName)),
        },
        ...errorResponses(builder, ['Conflict', 'PayloadTooLarge', 'UnprocessableContent']),
      },
      'x-codexion-permission': permission('create'),
    },
    origin,
  );

  builder.addOperation(
    `${collection}/bulk`,
    'post',
    {
      operationId: `bulkCreate${pluralTypeName}`,
      summary: `Create several ${plural}`,
      description:
        'All or nothing: when one item fails nothing is created, and `errors[].path` names the item.',
      tags,
      parameters: [builder.parameterRef('IdempotencyKey')],
      requestBody: {
        required: true,
        content: jsonContent({
          type: 'object',
          properties: {
            items: { type: 'array', minItems: 1, maxItems: 1000, items: ref(`${typeName}Create`) },
          },
          required: ['items'],
          additionalProperties: false,
        }),
      },
      responses: {
        '201': {
          description: `The created ${plural}, in request order`,
          content: jsonContent({
            type: 'object',
            properties: { items: { type: 'array', maxItems: 1000, items: ref(typeName) } },
            required: ['items'],
          }),
        },
        ...errorResponses(builder, ['Conflict', 'PayloadTooLarge', 'UnprocessableContent']),
      },
      'x-codexion-permission': permission('create'),
    },
    origin,
  );

  builder.addOperation(
    item,
    'get',
    {
      operationId: `get${typeName}`,
      summary: `Get ${aOrAn(singular)}`,
      tags,
      parameters: [id, fields, ...include],
      responses: {
        '200': withEtag(`The ${singular}`, ref(typeName)),
        ...errorResponses(builder, ['NotFound']),
      },
      'x-codexion-permission': permission('read'),
    },
    origin,
  );

  // a record in one of these workflow states answers 409 RECORD_LOCKED to a patch or a delete
  const lockedIn = entity.annotations.workflow?.immutableIn ?? [];
  const locked =
    lockedIn.length === 0
      ? ''
      : `409 \`RECORD_LOCKED\` while \`${entity.annotations.workflow?.field ?? ''}\` is ${lockedIn
          .map((state) => `\`${state}\``)
          .join(' or ')}: a transition moves it out.`;
  builder.addOperation(
    item,
    'patch',
    {
      operationId: `update${typeName}`,
      summary: `Update ${aOrAn(singular)}`,
      ...(locked === '' ? {} : { description: locked }),
      tags,
      parameters: [id, builder.parameterRef('IfMatchRequired')],
      requestBody: {
        required: true,
        content: jsonContent(ref(`${typeName}Patch`), 'application/merge-patch+json'),
      },
      responses: {
        '200': withEtag(`The updated ${singular}`, ref(typeName)),
        ...errorResponses(builder, [
          'NotFound',
          'Conflict',
          'PreconditionFailed',
          'PreconditionRequired',
          'PayloadTooLarge',
          'UnprocessableContent',
        ]),
      },
      'x-codexion-permission': permission('update'),
    },
    origin,
  );

  const softDelete = entity.annotations.softDelete === true;
  builder.addOperation(
    item,
    'delete',
    {
      operationId: `delete${typeName}`,
      summary: `Delete ${aOrAn(singular)}`,
      ...(softDelete || locked !== ''
        ? {
            description: [softDelete ? 'Soft delete: the record is hidden and can be restored.' : '', locked]
              .filter((part) => part !== '')
              .join(' '),
          }
        : {}),
      tags,
      parameters: [id, builder.parameterRef('IfMatch')],
      responses: {
        '204': { description: 'Deleted' },
        // 409: a related record with `onDelete: restrict` still points at it
        ...errorResponses(builder, ['NotFound', 'Conflict', 'PreconditionFailed']),
      },
      'x-codexion-permission': permission('delete'),
    },
    origin,
  );

  if (softDelete) {
    builder.addOperation(
      `${item}/restore`,
      'post',
      {
        operationId: `restore${typeName}`,
        summary: `Restore ${aOrAn(`deleted ${singular}`)}`,
        tags,
        parameters: [id],
        responses: {
          '200': withEtag(`The restored ${singular}`, ref(typeName)),
          ...errorResponses(builder, ['NotFound', 'Conflict']),
        },
        // restoring undoes a delete, so it takes the same right
        'x-codexion-permission': permission('delete'),
      },
      origin,
    );
  }

  const workflow = entity.annotations.workflow;
  if (workflow !== undefined) {
    builder.addOperation(
      `${item}/transition`,
      'post',
      {
        operationId: `transition${typeName}`,
        summary: `Move ${aOrAn(singular)} to another ${workflow.field}`,
        description:
          `Changes \`${workflow.field}\` along an allowed transition. 409 when no transition leads there from the ` +
          'current state; 422 when its guard does not hold; 403 when the transition needs a permission the caller lacks.',
        tags,
        parameters: [id, builder.parameterRef('IfMatch')],
        requestBody: {
          required: true,
          content: jsonContent({
            type: 'object',
            properties: { to: { type: 'string', enum: [...workflow.states], description: 'Target state' } },
            required: ['to'],
            additionalProperties: false,
          }),
        },
        responses: {
          '200': withEtag(`The ${singular} in its new state`, ref(typeName)),
          ...errorResponses(builder, [
            'NotFound',
            'Conflict',
            'PreconditionFailed',
            'PayloadTooLarge',
            'UnprocessableContent',
          ]),
        },
        'x-codexion-permission': permission('update'),
      },
      { source: entity.file, pointer: '/x-codexion/workflow' },
    );
  }
}

/** `sales-orders` -> `sales orders`, for summaries */
function words(kebab: string): string {
  return kebabCase(kebab).replace(/-/g, ' ');
}

/** Close enough for summaries; `an` before a vowel letter. */
function aOrAn(phrase: string): string {
  return /^[aeiou]/i.test(phrase) ? `an ${phrase}` : `a ${phrase}`;
}
