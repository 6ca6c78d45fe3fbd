import { FormField, Input } from '@codexion/resources';
import { type CustomFieldControlProps, useEntityText, useTranslation } from '@codexion/web';
import { useWatch } from 'react-hook-form';

/**
 * A document's status in its form, read-only and in words (`Draft`, `Entwurf`): the workflow
 * moves it (Post, Cancel on the document's page), never the form, so a new document is a draft
 * whatever the form holds. What `EntityOptions.fieldControls` names for the documents' `status`.
 */
export function DocumentStatusControl({ entity, field }: CustomFieldControlProps) {
  const { t } = useTranslation('erp');
  const text = useEntityText(entity);
  const value = useWatch({ name: field.path });
  const status = typeof value === 'string' && value !== '' ? value : 'draft';
  return (
    <FormField label={text.field(field)} description={t('documents.statusHelp')}>
      <Input readOnly className="bg-muted" value={text.option(field, status)} />
    </FormField>
  );
}
