import {
  Button,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  cn,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  EmptyState,
  Skeleton,
  toast,
} from '@codexion/resources';
import { useQueryClient } from '@tanstack/react-query';
import { FileQuestion, Pencil, Trash2 } from 'lucide-react';
import { type ComponentType, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useApi } from '../api/api-provider.js';
import { ProblemError } from '../api/problem-error.js';
import { useReportProblem } from '../api/use-report-problem.js';
import { type EntityConfig, type HistoryEntry, permissionOf } from '../entity/define-entities.js';
import { defaultColumns, entityFields, formSections } from '../entity/field-model.js';
import { useEntityText } from '../i18n/use-entity-text.js';
import { useFormatters } from '../locale/locale-provider.js';
import { PermissionButton } from '../permissions/permission-button.js';
import { callResource } from '../resource/call-resource.js';
import { FieldValue } from '../resource/field-value.js';
import {
  type ResourceRecord,
  resourceKeys,
  useRelationTitles,
  useResourceHistory,
  useResourceRecord,
} from '../resource/resource-queries.js';
import { ResourceTable } from '../table/resource-table.js';
import { PageHeader } from './page-header.js';

/** What a detail-page extension is given: the record as last read (with its ETag). */
export interface DetailSlotProps {
  entity: EntityConfig;
  id: string;
  record: ResourceRecord;
  etag: string | undefined;
}

/**
 * An app's additions to the generated detail page of one entity, each a component given
 * {@link DetailSlotProps}: `actions` beside Edit and Delete (win, lose, convert), `summary` across
 * the top under the header, `main` in the wide column after the fields (before the related lists),
 * `aside` at the top of the side column (a timeline).
 */
export interface DetailSlots {
  actions?: ComponentType<DetailSlotProps>;
  summary?: ComponentType<DetailSlotProps>;
  main?: ComponentType<DetailSlotProps>;
  aside?: ComponentType<DetailSlotProps>;
}

export interface ResourceDetailPageProps {
  entity: EntityConfig;
  /** the app's additions; `createResourceRoutes(entity, { detailSlots })` loads them with the page */
  slots?: DetailSlots;
}

function FieldList({
  entity,
  record,
  names,
  columns = 2,
}: {
  entity: EntityConfig;
  record: ResourceRecord;
  names: string[];
  columns?: 1 | 2;
}) {
  const text = useEntityText(entity);
  const all = entityFields(entity);
  const fields = names.flatMap((name) => all.filter((field) => field.name === name));
  const titles = useRelationTitles(entity, fields, [record]);
  return (
    <dl className={cn('grid gap-x-6 gap-y-4', columns === 2 && 'sm:grid-cols-2')}>
      {fields.map((field) => (
        <div key={field.name} className="grid gap-1">
          <dt className="text-muted-foreground text-sm">{text.field(field)}</dt>
          <dd className="text-sm">
            {field.ref && entity.catalog.get(field.ref) && record[field.name] ? (
              <Link
                className="text-primary hover:underline"
                to={`../../${entity.catalog.get(field.ref)?.resource}/${encodeURIComponent(String(record[field.name]))}`}
                relative="path"
              >
                <FieldValue entity={entity} field={field} record={record} titles={titles.get(field.name)} />
              </Link>
            ) : (
              <FieldValue entity={entity} field={field} record={record} titles={titles.get(field.name)} />
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function History({ entity, entries }: { entity: EntityConfig; entries: HistoryEntry[] }) {
  const { t } = useTranslation('codexion');
  const text = useEntityText(entity);
  const format = useFormatters();
  if (!entries.length) return <p className="text-muted-foreground text-sm">{t('detail.noHistory')}</p>;
  return (
    <ol className="grid gap-3">
      {entries.map((entry, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: history entries have no id of their own; their order is fixed
        <li key={index} className="grid gap-1 border-s-2 ps-3 text-sm">
          <span className="text-muted-foreground">
            {t('detail.historyEntry', {
              action: t(`detail.actions.${entry.action}`, { defaultValue: entry.action }),
              actor: entry.actor ?? t('detail.someone'),
              at: format.dateTime(entry.at),
            })}
          </span>
          {entry.changes && Object.keys(entry.changes).length > 0 && (
            <ul className="grid gap-0.5">
              {Object.entries(entry.changes).map(([field, [before, after]]) => (
                <li key={field}>
                  <span className="font-medium">{text.field(field)}</span>:{' '}
                  {before === null ? '—' : String(before)} → {after === null ? '—' : String(after)}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

/**
 * The generated detail page: the record's fields formatted by section, its metadata, lists of
 * records that reference it, its change history when the API has one, and the app's
 * {@link DetailSlots}.
 *
 * @example
 * { path: 'accounts/:id', element: <ResourceDetailPage entity={account} slots={{ aside: AccountTimeline }} /> }
 */
export function ResourceDetailPage({ entity, slots = {} }: ResourceDetailPageProps) {
  const { id = '' } = useParams();
  const { t } = useTranslation('codexion');
  const text = useEntityText(entity);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { client, baseUrl } = useApi();
  const reportProblem = useReportProblem();
  const record = useResourceRecord(entity, id);
  const history = useResourceHistory(entity, id);
  const [confirmDelete, setConfirmDelete] = useState(false);

  if (record.isPending) {
    return (
      <div className="grid gap-4" aria-busy="true">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-48 w-full" />
      </div>
    );
  }
  if (record.isError || !record.data) {
    const missing = record.error instanceof ProblemError && record.error.status === 404;
    return (
      <EmptyState
        icon={<FileQuestion />}
        title={missing ? t('detail.notFound', { entity: text.title }) : t('detail.loadFailed')}
        action={
          <Button variant="outline" asChild>
            <Link to="..">{t('detail.backToList', { entities: text.plural })}</Link>
          </Button>
        }
      />
    );
  }
  const data = record.data.record;
  const title = String(data[entity.titleField] ?? id);
  const sections = formSections(entity, 'create');
  const shown = new Set(sections.flatMap((section) => section.fields.map((field) => field.name)));
  const workflow = entity.annotations.workflow?.field;
  const extra = workflow && !shown.has(workflow) ? [workflow] : [];
  // a record in a state the workflow locks (`immutableIn`: posted, cancelled) is not edited or
  // deleted: the server would answer 409 RECORD_LOCKED, so the page does not offer it
  const locked =
    workflow !== undefined &&
    (entity.annotations.workflow?.immutableIn ?? []).includes(String(data[workflow]));
  const omitted = new Set(entity.options.detailHiddenFields ?? []);
  const related = entity.catalog.relatedTo(entity);
  const slotProps: DetailSlotProps = { entity, id, record: data, etag: record.data.etag };
  const { actions: Actions, summary: Summary, main: Main, aside: Aside } = slots;

  const remove = async () => {
    try {
      await callResource(entity, 'delete', {
        client,
        path: { id },
        headers: record.data?.etag ? { 'if-match': record.data.etag } : {},
      });
      await queryClient.invalidateQueries({ queryKey: resourceKeys.all(baseUrl, entity.resource) });
      toast.success(t('detail.deleted', { entity: text.title }));
      navigate('..');
    } catch (error) {
      reportProblem(error);
    } finally {
      setConfirmDelete(false);
    }
  };

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={title}
        description={text.title}
        breadcrumbs={[{ label: text.plural, href: '..' }, { label: title }]}
        actions={
          <>
            {Actions && <Actions {...slotProps} />}
            {!locked && (
              <>
                <PermissionButton permission={permissionOf(entity, 'update')} variant="outline" asChild>
                  <Link to="edit">
                    <Pencil aria-hidden="true" />
                    {t('actions.edit')}
                  </Link>
                </PermissionButton>
                <PermissionButton
                  permission={permissionOf(entity, 'delete')}
                  variant="outline"
                  className="text-danger hover:text-danger"
                  onClick={() => setConfirmDelete(true)}
                >
                  <Trash2 aria-hidden="true" />
                  {t('actions.delete')}
                </PermissionButton>
              </>
            )}
          </>
        }
      />
      {Summary && <Summary {...slotProps} />}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="grid content-start gap-6">
          {sections.map((section, index) => (
            <Card key={section.id}>
              <CardHeader>
                <CardTitle>
                  <h2>{text.section(section.id, section.title || t('form.otherSection'))}</h2>
                </CardTitle>
              </CardHeader>
              <CardContent>
                <FieldList
                  entity={entity}
                  record={data}
                  names={[
                    ...section.fields.map((field) => field.name).filter((name) => !omitted.has(name)),
                    ...(index === 0 ? extra : []),
                  ]}
                />
              </CardContent>
            </Card>
          ))}
          {Main && <Main {...slotProps} />}
          {related.map(({ entity: other, field }) => (
            <RelatedCard key={`${other.name}-${field}`} entity={other} field={field} id={id} />
          ))}
        </div>
        <div className="grid content-start gap-6">
          {Aside && <Aside {...slotProps} />}
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>{t('detail.metadata')}</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <FieldList
                entity={entity}
                record={data}
                names={['createdAt', 'updatedAt', 'version']}
                columns={1}
              />
            </CardContent>
          </Card>
          {entity.options.history && !history.isError && (
            <Card>
              <CardHeader>
                <CardTitle>
                  <h2>{t('detail.history')}</h2>
                </CardTitle>
              </CardHeader>
              <CardContent>
                {history.data ? (
                  <History entity={entity} entries={history.data} />
                ) : (
                  <Skeleton className="h-16 w-full" />
                )}
              </CardContent>
            </Card>
          )}
        </div>
      </div>
      <Dialog open={confirmDelete} onOpenChange={setConfirmDelete}>
        <DialogContent closeLabel={t('actions.close')}>
          <DialogHeader>
            <DialogTitle>{t('detail.confirmDelete', { title })}</DialogTitle>
            <DialogDescription>{t('bulk.confirmDescription')}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="outline" onClick={() => setConfirmDelete(false)}>
              {t('actions.cancel')}
            </Button>
            <Button variant="danger" onClick={() => void remove()}>
              {t('actions.delete')}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}

function RelatedCard({ entity, field, id }: { entity: EntityConfig; field: string; id: string }) {
  const text = useEntityText(entity);
  const [columns, setColumns] = useState(() => defaultColumns(entity).filter((column) => column !== field));
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>{text.plural}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent>
        <ResourceTable
          entity={entity}
          toolbar={false}
          baseFilters={[{ field, op: 'eq', value: id }]}
          columns={columns}
          onColumnsChange={setColumns}
          height={280}
          pageSize={20}
          rowHref={(row) => `../../${entity.resource}/${encodeURIComponent(String(row[entity.primaryKey]))}`}
          renderLink={({ href, children, className }) => (
            <Link to={href} relative="path" className={className}>
              {children}
            </Link>
          )}
        />
      </CardContent>
    </Card>
  );
}
