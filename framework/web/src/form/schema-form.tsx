import { Button, Card, CardContent, CardHeader, CardTitle, cn } from '@codexion/resources';
import { AlertTriangle } from 'lucide-react';
import type { ComponentProps } from 'react';
import { FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useEntityText } from '../i18n/use-entity-text.js';
import { FieldControl } from './field-control.js';
import { type UseSchemaFormOptions, useSchemaForm } from './use-schema-form.js';

export interface SchemaFormProps extends UseSchemaFormOptions, Omit<ComponentProps<'form'>, 'onSubmit'> {
  onCancel?: () => void;
  /** asked to read the record again after a 412 (someone else changed it) */
  onReload?: () => void;
}

/**
 * A create or edit form generated from an entity's schema: its `formSections` (else every writable
 * field), a control per widget, the server's Ajv schema and rules checked as the user types, a
 * merge patch with `If-Match` on save, server field errors on their fields, and a reload offer
 * when someone else changed the record meanwhile.
 *
 * @example
 * <SchemaForm entity={opportunity} mode="edit" record={record} etag={etag} onSaved={() => navigate('..')} onReload={refetch} />
 */
export function SchemaForm({
  entity,
  mode,
  record,
  etag,
  initialValues,
  onSaved,
  onCancel,
  onReload,
  className,
  ...props
}: SchemaFormProps) {
  const { t } = useTranslation('codexion');
  const text = useEntityText(entity);
  const { form, sections, submit, saving, conflict, formErrors } = useSchemaForm({
    entity,
    mode,
    record,
    etag,
    initialValues,
    onSaved,
  });
  return (
    <FormProvider {...form}>
      <form
        data-slot="schema-form"
        noValidate
        className={cn('grid gap-6', className)}
        onSubmit={(event) => void submit(event)}
        {...props}
      >
        {conflict && (
          <div
            role="alert"
            className="flex flex-wrap items-center gap-3 rounded-md border border-warning bg-warning/15 px-4 py-3 text-sm"
          >
            <AlertTriangle aria-hidden="true" className="size-4 text-warning-foreground" />
            <span className="flex-1">{t('form.conflict')}</span>
            {onReload && (
              <Button size="sm" variant="outline" onClick={onReload}>
                {t('form.reload')}
              </Button>
            )}
          </div>
        )}
        {formErrors.length > 0 && (
          <ul
            role="alert"
            className="grid gap-1 rounded-md border border-danger/50 bg-danger/10 px-4 py-3 text-danger text-sm"
          >
            {formErrors.map((issue) => (
              <li key={`${issue.path}-${issue.code}-${issue.message}`}>{issue.message}</li>
            ))}
          </ul>
        )}
        {sections.map((section) => (
          <Card key={section.id} data-section={section.id}>
            {section.title && sections.length > 1 && (
              <CardHeader>
                <CardTitle>
                  <h2>
                    {text.section(
                      section.id,
                      section.id === 'other' ? t('form.otherSection') : section.title,
                    )}
                  </h2>
                </CardTitle>
              </CardHeader>
            )}
            <CardContent className="grid gap-4 sm:grid-cols-2">
              {section.fields.map((field) => {
                const Control = entity.options.fieldControls?.[field.name] ?? FieldControl;
                return <Control key={field.path} entity={entity} field={field} />;
              })}
            </CardContent>
          </Card>
        ))}
        <div className="flex justify-end gap-2">
          {onCancel && (
            <Button variant="outline" onClick={onCancel}>
              {t('actions.cancel')}
            </Button>
          )}
          <Button type="submit" loading={saving}>
            {mode === 'create' ? t('form.create', { entity: text.title }) : t('form.save')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
