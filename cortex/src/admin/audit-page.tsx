import { listAuditLog } from '@codexion/contracts/audit/client';
import type { AuditEntry } from '@codexion/contracts/audit/types';
import {
  Badge,
  Button,
  Card,
  CardContent,
  EmptyState,
  FormField,
  Input,
  TableCell,
  TableRow,
} from '@codexion/resources';
import {
  PageHeader,
  ProblemError,
  placeFieldIssues,
  useFormatters,
  usePermissions,
  useTranslation,
} from '@codexion/web';
import { Link2, ScrollText, ShieldAlert, ShieldCheck } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../shell/session-context.js';
import { useMembers } from './admin-queries.js';
import { AdminTable } from './admin-table.js';
import { brokenLinkOf, useActorName } from './audit-format.js';
import { QueryState } from './query-state.js';
import { SectionCard } from './section-card.js';
import { SelectField } from './select-field.js';
import { useAuditPages } from './use-audit-pages.js';

const filterFields = ['actor', 'entity', 'recordId', 'action', 'from', 'to'] as const;
type FilterField = (typeof filterFields)[number];
type Filters = Record<FilterField, string>;

/** The actions the framework records; the filter offers these (the API takes any). */
const knownActions = [
  'create',
  'update',
  'delete',
  'restore',
  'transition',
  'login',
  'login_failed',
  'logout',
];
const anyone = '\u0000any';

/** `2025-01-02T03:04:05.000Z` → `2025-01-02T04:04` in the browser's time, for a datetime-local input. */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

function fromLocalInput(value: string): string {
  if (value === '') return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

function filtersOf(params: URLSearchParams): Filters {
  return Object.fromEntries(filterFields.map((field) => [field, params.get(field) ?? ''])) as Filters;
}

function ChangeSummary({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('admin');
  const fields = Object.keys(entry.diff ?? {});
  if (fields.length === 0) return <span className="text-muted-foreground">—</span>;
  const shown = fields.slice(0, 3).join(', ');
  return (
    <span title={fields.join(', ')}>
      {fields.length > 3 ? t('audit.moreFields', { fields: shown, count: fields.length - 3 }) : shown}
    </span>
  );
}

function AuditFilters({
  applied,
  errors,
}: {
  applied: Filters;
  errors: Partial<Record<FilterField, string>>;
}) {
  const { t } = useTranslation('admin');
  const { can } = usePermissions();
  const [, setParams] = useSearchParams();
  const members = useMembers(can('prefiq:member:read'));
  const [draft, setDraft] = useState<Filters>(() => ({
    ...applied,
    from: applied.from && toLocalInput(applied.from),
    to: applied.to && toLocalInput(applied.to),
  }));
  const set = (field: FilterField) => (value: string) =>
    setDraft((previous) => ({ ...previous, [field]: value }));
  const actors = [
    ...(members.data?.items.map((member) => ({ value: member.userId, label: member.name })) ?? []),
    { value: 'system', label: t('audit.system') },
  ];
  if (draft.actor !== '' && !actors.some((actor) => actor.value === draft.actor))
    actors.unshift({ value: draft.actor, label: draft.actor });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    const values: Filters = { ...draft, from: fromLocalInput(draft.from), to: fromLocalInput(draft.to) };
    for (const field of filterFields) if (values[field].trim() !== '') next.set(field, values[field].trim());
    setParams(next);
  };
  const clear = () => {
    setDraft({ actor: '', entity: '', recordId: '', action: '', from: '', to: '' });
    setParams(new URLSearchParams());
  };

  return (
    <form noValidate onSubmit={submit} className="grid gap-4" aria-label={t('audit.filters')}>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField
          label={t('audit.actor')}
          value={draft.actor || anyone}
          onValueChange={(value) => set('actor')(value === anyone ? '' : value)}
          options={[{ value: anyone, label: t('audit.anyone') }, ...actors]}
          error={errors.actor}
        />
        <SelectField
          label={t('audit.action')}
          value={draft.action || anyone}
          onValueChange={(value) => set('action')(value === anyone ? '' : value)}
          options={[
            { value: anyone, label: t('audit.anyAction') },
            ...[...new Set([...knownActions, ...(draft.action ? [draft.action] : [])])].map((action) => ({
              value: action,
              label: t(`audit.actions.${action}`, action),
            })),
          ]}
          error={errors.action}
        />
        <FormField label={t('audit.resource')} description={t('audit.resourceHint')} error={errors.entity}>
          <Input
            value={draft.entity}
            placeholder="crm.deal"
            className="font-mono"
            onChange={(event) => set('entity')(event.target.value)}
          />
        </FormField>
        <FormField label={t('audit.recordId')} error={errors.recordId}>
          <Input
            value={draft.recordId}
            className="font-mono"
            onChange={(event) => set('recordId')(event.target.value)}
          />
        </FormField>
        <FormField label={t('audit.from')} error={errors.from}>
          <Input
            type="datetime-local"
            value={draft.from}
            onChange={(event) => set('from')(event.target.value)}
          />
        </FormField>
        <FormField label={t('audit.to')} error={errors.to}>
          <Input type="datetime-local" value={draft.to} onChange={(event) => set('to')(event.target.value)} />
        </FormField>
      </div>
      <div className="flex gap-2">
        <Button type="submit">{t('audit.apply')}</Button>
        <Button variant="ghost" onClick={clear}>
          {t('audit.clear')}
        </Button>
      </div>
    </form>
  );
}

function ChainInfo({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation('admin');
  const { tenant } = useSession();
  const broken = brokenLinkOf(entries);
  return (
    <div className="flex flex-wrap items-center gap-2 text-muted-foreground text-sm" data-slot="chain-info">
      {broken === undefined ? (
        <Badge variant="success">
          <ShieldCheck aria-hidden="true" />
          {t('audit.chainIntact')}
        </Badge>
      ) : (
        <Badge variant="danger">
          <ShieldAlert aria-hidden="true" />
          {t('audit.chainBroken', { seq: broken })}
        </Badge>
      )}
      <span>
        {t('audit.chainHint')}{' '}
        <code className="font-mono text-xs">npx prefiq audit verify --tenant {tenant.id}</code>
      </span>
    </div>
  );
}

/**
 * The tenant's audit log: who did what to which record and when, filtered by actor, resource,
 * record, action and time (kept in the URL), loaded a page at a time; each record links to its
 * history.
 */
export function AuditPage() {
  const { t } = useTranslation('admin');
  const format = useFormatters();
  const [params] = useSearchParams();
  const applied = filtersOf(params);
  const actorName = useActorName();
  const query = Object.fromEntries(Object.entries(applied).filter(([, value]) => value !== ''));
  const log = useAuditPages(['log', query], (client, page, signal) =>
    listAuditLog({ client, query: { ...query, ...page }, signal, throwOnError: true }),
  );
  const filterErrors =
    log.error instanceof ProblemError
      ? placeFieldIssues(log.error.errors, filterFields, 'query').onFields
      : {};
  const badFilters = Object.keys(filterErrors).length > 0;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Card>
        <CardContent>
          <AuditFilters key={params.toString()} applied={applied} errors={filterErrors} />
        </CardContent>
      </Card>
      <SectionCard
        title={t('audit.entries')}
        description={<ChainInfo entries={log.entries} />}
        contentClassName="grid gap-4"
      >
        {badFilters ? (
          <EmptyState icon={<ScrollText />} title={t('audit.badFilters')} />
        ) : log.data === undefined ? (
          <QueryState query={log} className="h-48" />
        ) : log.entries.length === 0 ? (
          <EmptyState icon={<ScrollText />} title={t('audit.none')} />
        ) : (
          <AdminTable
            label={t('audit.entries')}
            columns={[
              t('audit.time'),
              t('audit.actor'),
              t('audit.action'),
              t('audit.resource'),
              t('audit.changes'),
            ]}
          >
            {log.entries.map((entry) => (
              <TableRow key={entry.seq}>
                <TableCell className="text-muted-foreground tabular-nums">
                  {format.dateTime(entry.at)}
                </TableCell>
                <TableCell>
                  <span className="flex items-center gap-2">
                    {actorName(entry)}
                    {entry.actorType === 'api_key' && <Badge variant="outline">{t('audit.apiKey')}</Badge>}
                  </span>
                </TableCell>
                <TableCell>
                  <Badge variant="secondary">{t(`audit.actions.${entry.action}`, entry.action)}</Badge>
                </TableCell>
                <TableCell>
                  {entry.entity && entry.recordId ? (
                    <Link
                      to={`${encodeURIComponent(entry.entity)}/${encodeURIComponent(entry.recordId)}`}
                      className="inline-flex items-center gap-1 text-primary underline-offset-4 hover:underline"
                      aria-label={t('audit.historyOf', { entity: entry.entity, id: entry.recordId })}
                    >
                      <Link2 aria-hidden="true" className="size-3.5" />
                      <span className="font-mono text-xs">
                        {entry.entity} · {entry.recordId}
                      </span>
                    </Link>
                  ) : (
                    <span className="font-mono text-muted-foreground text-xs">{entry.entity ?? '—'}</span>
                  )}
                </TableCell>
                <TableCell className="max-w-72 truncate">
                  <ChangeSummary entry={entry} />
                </TableCell>
              </TableRow>
            ))}
          </AdminTable>
        )}
        {log.hasNextPage && !badFilters && (
          <Button
            variant="outline"
            className="justify-self-center"
            loading={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            {t('audit.loadMore')}
          </Button>
        )}
      </SectionCard>
    </div>
  );
}
