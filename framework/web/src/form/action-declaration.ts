import type { JsonSchema } from '@codexion/schema';

/**
 * The part of an app's `core/actions/<name>.json` the browser reads to ask for an action's input:
 * its id (the key of its labels), its permission (whose first part names the app), the entity it
 * works on and the request body's JSON Schema. Import the JSON and pass it as it is.
 */
export interface ActionDeclaration {
  /** camelCase operation id: `loseDeal` */
  id: string;
  /** `app:resource:action`; its app is the catalog namespace of the labels when no entity is given */
  permission?: string | undefined;
  /** the entity the action works on, when it does */
  entity?: string | undefined;
  /** the body's schema: one control per property */
  request?: JsonSchema | undefined;
}

/**
 * The app an action belongs to, for its translations: the entity's app, else the permission's
 * first part.
 *
 * @example
 * actionApp({ id: 'loseDeal', permission: 'crm:deal:lose' }) // 'crm'
 */
export function actionApp(action: ActionDeclaration, entityApp?: string): string | undefined {
  return entityApp ?? action.permission?.split(':')[0];
}
