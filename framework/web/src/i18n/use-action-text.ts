import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityConfig } from '../entity/define-entities.js';
import { type FieldModel, fieldOf, humanize } from '../entity/field-model.js';
import { type ActionDeclaration, actionApp } from '../form/action-declaration.js';

export interface ActionText {
  field(field: FieldModel): string;
  option(field: FieldModel | string, value: string): string;
  /** the input's placeholder, if the catalog or the schema has one */
  placeholder(field: FieldModel): string | undefined;
  /** the hint under the input: the catalog's, else the schema's `x-codexion.help` or `description` */
  help(field: FieldModel): string | undefined;
}

/**
 * The labels of an action's input fields in the user's language, from the app's namespace:
 * `actions.<actionId>.fields.<name>` (`.placeholders.<name>`, `.help.<name>`, `.options.<name>.<value>`) first,
 * then the entity's own entry for a field of the same name (`deal.fields.lostReason`), then the
 * property's schema `title`, then the entity field's label or the name in words.
 *
 * @example
 * const text = useActionText(loseDealAction, crm.entity('deal'));
 * text.field(reasonField) // 'Lost reason', or the CRM's German 'Verlustgrund'
 */
export function useActionText(action: ActionDeclaration, entity?: EntityConfig): ActionText {
  const app = actionApp(action, entity?.app);
  const { t, i18n } = useTranslation(app);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language changes the translations `t` returns
  return useMemo(() => {
    const prefix = `actions.${action.id}`;
    const name = (field: FieldModel | string) => (typeof field === 'string' ? field : field.path);
    const translate = (keys: string[], fallback: string) =>
      app === undefined ? fallback : t(keys, { defaultValue: fallback });
    return {
      field: (field) => {
        const keys = [`${prefix}.fields.${field.path}`];
        if (entity) keys.push(`${entity.name}.fields.${field.path}`);
        const own = entity && !field.path.includes('.') ? fieldOf(entity, field.name) : undefined;
        return translate(keys, field.schema.title ?? own?.label ?? field.label);
      },
      option: (field, value) => {
        const keys = [`${prefix}.options.${name(field)}.${value}`];
        if (entity) keys.push(`${entity.name}.options.${name(field)}.${value}`);
        return translate(keys, humanize(value));
      },
      placeholder: (field) =>
        translate([`${prefix}.placeholders.${field.path}`], field.placeholder ?? '') || undefined,
      help: (field) => translate([`${prefix}.help.${field.path}`], field.help ?? '') || undefined,
    };
  }, [action.id, app, entity, t, i18n.language]);
}
