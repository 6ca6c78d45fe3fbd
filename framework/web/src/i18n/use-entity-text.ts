import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityConfig } from '../entity/define-entities.js';
import { type FieldModel, humanize } from '../entity/field-model.js';

export interface EntityText {
  /** singular: `Opportunity` */
  title: string;
  /** plural, for lists and navigation: `Opportunities` */
  plural: string;
  field(field: FieldModel | string): string;
  section(id: string, fallback: string): string;
  /** an enum value: `negotiation` → `Negotiation` */
  option(field: FieldModel | string, value: string): string;
}

/**
 * The labels of an entity in the user's language. They come from the app's own namespace (the
 * app's name) — `opportunity.title`, `opportunity.plural`, `opportunity.fields.amount`,
 * `opportunity.sections.main`, `opportunity.options.stage.lead` — and fall back to what the schema
 * says (`x-codexion.label`, `title`) or the name in words.
 *
 * @example
 * const text = useEntityText(opportunity);
 * text.field('expectedClose') // 'Expected close', or the app's German 'Voraussichtlicher Abschluss'
 */
export function useEntityText(entity: EntityConfig): EntityText {
  const { t, i18n } = useTranslation(entity.app);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language changes the translations `t` returns
  return useMemo(() => {
    const prefix = entity.name;
    const name = (field: FieldModel | string) => (typeof field === 'string' ? field : field.path);
    const fallbackLabel = (field: FieldModel | string) =>
      typeof field === 'string' ? humanize(field.split('.').pop() ?? field) : field.label;
    return {
      title: t(`${prefix}.title`, { defaultValue: entity.title }),
      plural: t(`${prefix}.plural`, { defaultValue: humanize(entity.resource) }),
      // system fields (`createdAt`, …) are the framework's: its catalog names them unless the app does
      field: (field) =>
        t([`${prefix}.fields.${name(field)}`, `codexion:fields.${name(field)}`], {
          defaultValue: fallbackLabel(field),
        }),
      section: (id, fallback) => t(`${prefix}.sections.${id}`, { defaultValue: fallback }),
      option: (field, value) =>
        t(`${prefix}.options.${name(field)}.${value}`, { defaultValue: humanize(value) }),
    };
  }, [entity, t, i18n.language]);
}
