import { getAuditRecordHistory } from '@codexion/contracts/audit/client';
import { Badge, Button, Card, CardContent, CardHeader, CardTitle, EmptyState } from '@codexion/resources';
import { PageHeader, useFormatters, useTranslation } from '@codexion/web';
import { History } from 'lucide-react';
import { useParams } from 'react-router';
import { AuditDiffTable } from './audit-diff-table.js';
import { useActorName } from './audit-format.js';
import { QueryState } from './query-state.js';
import { useAuditPages } from './use-audit-pages.js';

/**
 * One record's history (`audit/:entity/:id`): every audit entry of the record, newest first,
 * each with who, when, what and the fields it changed from what to what.
 */
export function AuditHistoryPage() {
  const { t } = useTranslation('admin');
  const format = useFormatters();
  const actorName = useActorName();
  const { entity = '', id = '' } = useParams();
  const history = useAuditPages(['history', entity, id], (client, page, signal) =>
    getAuditRecordHistory({ client, path: { entity, id }, query: page, signal, throwOnError: true }),
  );

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('audit.historyTitle', { entity })}
        description={<span className="font-mono text-xs">{id}</span>}
        breadcrumbs={[{ label: t('audit.title'), href: '../audit' }, { label: `${entity} · ${id}` }]}
      />
      {history.data === undefined ? (
        <QueryState query={history} className="h-48" />
      ) : history.entries.length === 0 ? (
        <EmptyState icon={<History />} title={t('audit.noHistory')} />
      ) : (
        <ol className="grid gap-4" aria-label={t('audit.historyList')}>
          {history.entries.map((entry) => {
            const when = format.dateTime(entry.at);
            return (
              <li key={entry.seq}>
                <Card className="gap-4 py-4">
                  <CardHeader className="px-4">
                    <CardTitle className="flex flex-wrap items-center gap-2 font-normal text-sm">
                      <Badge variant="secondary">{t(`audit.actions.${entry.action}`, entry.action)}</Badge>
                      <span className="font-medium">{actorName(entry)}</span>
                      <span className="text-muted-foreground">{when}</span>
                      <span className="ms-auto font-mono text-muted-foreground text-xs">#{entry.seq}</span>
                    </CardTitle>
                  </CardHeader>
                  <CardContent className="px-4">
                    {entry.diff && Object.keys(entry.diff).length > 0 ? (
                      <AuditDiffTable diff={entry.diff} label={t('audit.changesAt', { at: when })} />
                    ) : (
                      <p className="text-muted-foreground text-sm">{t('audit.noChanges')}</p>
                    )}
                  </CardContent>
                </Card>
              </li>
            );
          })}
        </ol>
      )}
      {history.hasNextPage && (
        <Button
          variant="outline"
          className="self-center"
          loading={history.isFetchingNextPage}
          onClick={() => void history.fetchNextPage()}
        >
          {t('audit.loadMore')}
        </Button>
      )}
    </div>
  );
}
