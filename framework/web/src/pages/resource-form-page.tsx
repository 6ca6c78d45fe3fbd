import { Button, EmptyState, Skeleton } from '@codexion/resources';
import { FileQuestion } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { EntityConfig } from '../entity/define-entities.js';
import { SchemaForm } from '../form/schema-form.js';
import type { FormMode } from '../form/use-schema-form.js';
import { useEntityText } from '../i18n/use-entity-text.js';
import { useResourceRecord } from '../resource/resource-queries.js';
import { PageHeader } from './page-header.js';

export interface ResourceFormPageProps {
  entity: EntityConfig;
  mode: FormMode;
}

/**
 * The generated create (`new`) or edit (`:id/edit`) page: a SchemaForm that goes to the record's
 * detail page once saved. A new record takes starting values from the query string
 * (`new?stage=qualified`), as a kanban column or a related list links.
 *
 * @example
 * { path: 'accounts/new', element: <ResourceFormPage entity={account} mode="create" /> }
 */
export function ResourceFormPage({ entity, mode }: ResourceFormPageProps) {
  const { id } = useParams();
  const [search] = useSearchParams();
  const { t } = useTranslation('codexion');
  const text = useEntityText(entity);
  const navigate = useNavigate();
  const record = useResourceRecord(entity, mode === 'edit' ? id : undefined);

  if (mode === 'edit' && record.isPending) {
    return (
      <div className="grid gap-4" aria-busy="true">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-72 w-full" />
      </div>
    );
  }
  if (mode === 'edit' && !record.data) {
    return (
      <EmptyState
        icon={<FileQuestion />}
        title={t('detail.notFound', { entity: text.title })}
        action={
          <Button variant="outline" asChild>
            <Link to="../..">{t('detail.backToList', { entities: text.plural })}</Link>
          </Button>
        }
      />
    );
  }
  const data = record.data?.record;
  const title = data ? String(data[entity.titleField] ?? id) : '';
  const initialValues = mode === 'create' ? Object.fromEntries(search) : undefined;
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-6">
      <PageHeader
        title={
          mode === 'create' ? t('form.createTitle', { entity: text.title }) : t('form.editTitle', { title })
        }
        breadcrumbs={
          mode === 'create'
            ? [{ label: text.plural, href: '..' }, { label: t('form.new') }]
            : [
                { label: text.plural, href: '../..' },
                { label: title, href: '..' },
                { label: t('actions.edit') },
              ]
        }
      />
      <SchemaForm
        entity={entity}
        mode={mode}
        record={data}
        etag={record.data?.etag}
        initialValues={initialValues}
        onSaved={(saved) => {
          const savedId = encodeURIComponent(String(saved[entity.primaryKey] ?? id));
          navigate(mode === 'create' ? `../${savedId}` : '..', { relative: 'path' });
        }}
        onCancel={() => navigate('..', { relative: 'path' })}
        onReload={() => void record.refetch()}
      />
    </div>
  );
}
