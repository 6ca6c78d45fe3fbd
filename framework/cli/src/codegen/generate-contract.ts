import { type AppModel, compareCodeUnits, eventSchemaName, pascalCase } from '@codexion/schema';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { tsBanner } from './banner.js';
import type { ConsumedEventSchema } from './consumed-events.js';
import { formatSource } from './format-source.js';

/**
 * An object key as TypeScript source: bare when it is an identifier, quoted otherwise.
 *
 * @example
 * typeKey('deal') // 'deal'
 * typeKey('phone-number') // "'phone-number'"
 */
export function typeKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`;
}

/**
 * The entities whose records the API serves (persisted, not `api: false`), in name order: the
 * ones with `<Type>`, `<Type>Create` and `<Type>Patch` components and CRUD operations.
 *
 * @example
 * servedEntities(model).map((e) => e.typeName) // ['Activity', 'Company', 'Deal', ...]
 */
export function servedEntities(model: AppModel): AppModel['entities'] {
  return model.entities
    .filter((e) => (e.table ?? e.annotations.table) !== undefined && e.annotations.api !== false)
    .sort((a, b) => compareCodeUnits(a.name, b.name));
}

/**
 * Whether hey-api types the action's answer as `<Id>Response`: it does for a 2xx with a body and
 * for a 204, not for a 2xx it knows nothing of (a bare 202) nor for a redirect (a sign-on's 302).
 */
function typedAnswer(action: AppModel['actions'][number]): boolean {
  if (action.responses === undefined) return action.response !== undefined || action.status === 204;
  return Object.entries(action.responses).some(([key, answer]) => {
    const status = Number(key);
    return status >= 200 && status < 300 && (status === 204 || answer.schema !== undefined);
  });
}

/**
 * `core/generated/contract.ts`: the app's contract as one type, `<App>Contract`, naming the types
 * of `client/types.gen.ts` (the one TypeScript rendering of the contract, made by hey-api):
 * per served entity its record, create and patch inputs; per action its path parameters, query,
 * body, success answer and access; per declared event its payload; per declared error code its
 * status. The framework's app kit
 * (`appKit<CrmContract>()`) types hooks, actions and subscribers from it by name.
 *
 * @example
 * const source = await generateContract(model); // 'export interface CrmContract { resources: { deal: ... } }'
 */
export async function generateContract(
  model: AppModel,
  {
    kind = 'app',
    consumed = [],
  }: { kind?: 'app' | 'framework'; consumed?: readonly ConsumedEventSchema[] } = {},
): Promise<string> {
  const app = pascalCase(model.manifest.name);
  const imports = new Set<string>();
  const use = (name: string): string => {
    imports.add(name);
    return name;
  };
  const resources = servedEntities(model).map((entity) => {
    const { typeName } = entity;
    return `${typeKey(entity.name)}: { record: ${use(typeName)}; create: ${use(`${typeName}Create`)}; patch: ${use(`${typeName}Patch`)} };`;
  });
  const actions = [...model.actions]
    .sort((a, b) => compareCodeUnits(a.id, b.id))
    .map((action) => {
      const data = use(`${pascalCase(action.id)}Data`);
      const response = typedAnswer(action) ? use(`${pascalCase(action.id)}Response`) : 'undefined';
      const access = action.access ?? 'tenant';
      return (
        `${typeKey(action.id)}: { params: ${data}['path']; query: ${data}['query']; body: ${data}['body'];` +
        ` response: ${response}; access: '${access}' };`
      );
    });
  const events = [...(model.manifest.events ?? [])]
    .sort((a, b) => compareCodeUnits(a.name, b.name))
    .map((event) => `'${event.name}': ${use(eventSchemaName(event.name))};`);
  const errors = Object.entries(model.manifest.errors ?? {})
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([code, { status }]) => `${code}: ${status};`);
  // other apps' payloads: typed here from the producer's schema, since an app imports no other app
  const consumedTypes: string[] = [];
  const consumes: string[] = [];
  for (const { event, payload } of consumed) {
    const name = eventSchemaName(event);
    const { $schema: _schema, $id: _id, ...schema } = structuredClone(payload);
    const declaration = await compile(schema as JSONSchema, name, {
      bannerComment: '',
      additionalProperties: false,
      format: false,
      declareExternallyReferenced: false,
    });
    consumedTypes.push(
      `/** The payload of ${event}, as its producer declares it. */\n${declaration.trim()}\n`,
    );
    consumes.push(`'${event}': ${name};`);
  }
  const names = [...imports].sort(compareCodeUnits);
  const source = `${tsBanner()}
${names.length === 0 ? '' : `import type { ${names.join(', ')} } from './client/types.gen.js';`}

${consumedTypes.join('\n')}
${
  kind === 'app'
    ? `/**
 * The ${model.manifest.title} app's contract, from its core/: the records and inputs of each entity
 * the API serves, each action's input and answer, each declared event's payload and error code. The types are
 * hey-api's (\`./client/types.gen.ts\`); the framework's \`appKit<${app}Contract>()\` picks them by name.
 */`
    : `/**
 * The contract of the framework's ${model.manifest.title} API (\`/api/${model.manifest.name}\`), from
 * framework/contracts/${model.manifest.name}: each operation's input, answer and who may call it. The types
 * are hey-api's (\`./client/types.gen.ts\`); the server's handlers take them as \`ContractHandlers<${app}Contract>\`.
 */`
}
export interface ${app}Contract {
  resources: {${resources.join('\n')}};
  actions: {${actions.join('\n')}};
  events: {${events.join('\n')}};
  errors: {${errors.join('\n')}};
  consumes: {${consumes.join('\n')}};
}
`;
  return formatSource(source, 'typescript');
}
