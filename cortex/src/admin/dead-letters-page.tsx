import { discardDeadLetter, listDeadLetters, retryDeadLetter } from '@codexion/contracts/events/client';
import type { DeadLetter } from '@codexion/contracts/events/types';
import { Button, EmptyState, TableCell, TableRow } from '@codexion/resources';
import { PageHeader, useFormatters, usePermissions, useTranslation } from '@codexion/web';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Inbox } from 'lucide-react';
import { useState } from 'react';
import { useAdminClients, useAdminKey, useInvalidateAdmin } from './admin-queries.js';
import { AdminTable } from './admin-table.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { QueryState } from './query-state.js';
import { SectionCard } from './section-card.js';

/** The `x-codexion-permission` of the events API (framework/contracts/events/actions). */
export const eventsManagePermission = 'prefiq:events:manage';

/** The generated events SDK's client, on the shell's fetch and session. */
function useEventsApi() {
  const { events } = useAdminClients();
  return { client: events, throwOnError: true as const };
}

function DeadLetterRow({
  letter,
  onDiscard,
}: {
  letter: DeadLetter;
  onDiscard: (letter: DeadLetter) => void;
}) {
  const { t } = useTranslation('admin');
  const format = useFormatters();
  const api = useEventsApi();
  const invalidate = useInvalidateAdmin();
  const retry = useMutation({
    mutationFn: () =>
      retryDeadLetter({ ...api, path: { consumer: letter.consumer, eventId: letter.eventId } }),
    onSettled: () => invalidate('dead-letters'),
  });
  return (
    <TableRow>
      <TableCell className="font-medium">{letter.event}</TableCell>
      <TableCell>{letter.consumer}</TableCell>
      <TableCell className="font-mono text-xs">{letter.aggregateKey}</TableCell>
      <TableCell>{format.number(letter.attempts)}</TableCell>
      <TableCell className="whitespace-normal text-muted-foreground">{letter.lastError ?? '—'}</TableCell>
      <TableCell>{format.dateTime(letter.deadSince)}</TableCell>
      <TableCell className="flex gap-2">
        <Button size="sm" variant="outline" disabled={retry.isPending} onClick={() => retry.mutate()}>
          {t('deadLetters.retry')}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => onDiscard(letter)}>
          {t('deadLetters.discard')}
        </Button>
      </TableCell>
    </TableRow>
  );
}

/**
 * The tenant's dead letters: events a consumer failed on every attempt, with the consumer, the
 * aggregate, the attempts and the last error; *Retry* delivers one again, *Discard* (confirmed)
 * gives it up. Both are audited by the server. Through the generated events SDK only.
 */
export function DeadLettersPage() {
  const { t } = useTranslation('admin');
  const { can } = usePermissions();
  const api = useEventsApi();
  const key = useAdminKey();
  const invalidate = useInvalidateAdmin();
  const [discarding, setDiscarding] = useState<DeadLetter | undefined>();
  const letters = useQuery({
    queryKey: key('dead-letters'),
    queryFn: async ({ signal }) => (await listDeadLetters({ ...api, signal, query: { pageSize: 200 } })).data,
    enabled: can(eventsManagePermission),
  });
  const discard = useMutation({
    mutationFn: (letter: DeadLetter) =>
      discardDeadLetter({ ...api, path: { consumer: letter.consumer, eventId: letter.eventId } }),
    onSettled: () => invalidate('dead-letters'),
  });
  const items = letters.data?.items;
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title={t('deadLetters.title')} description={t('deadLetters.description')} />
      <SectionCard title={t('deadLetters.title')}>
        {items === undefined ? (
          <QueryState query={letters} />
        ) : items.length === 0 ? (
          <EmptyState icon={<Inbox />} title={t('deadLetters.empty')} />
        ) : (
          <AdminTable
            label={t('deadLetters.title')}
            columns={[
              t('deadLetters.event'),
              t('deadLetters.consumer'),
              t('deadLetters.aggregate'),
              t('deadLetters.attempts'),
              t('deadLetters.lastError'),
              t('deadLetters.deadSince'),
            ]}
            actions
          >
            {items.map((letter) => (
              <DeadLetterRow
                key={`${letter.consumer}/${letter.eventId}`}
                letter={letter}
                onDiscard={setDiscarding}
              />
            ))}
          </AdminTable>
        )}
      </SectionCard>
      <ConfirmDialog
        open={discarding !== undefined}
        onOpenChange={(open) => {
          if (!open) setDiscarding(undefined);
        }}
        title={t('deadLetters.discardTitle')}
        description={t('deadLetters.discardDescription', {
          event: discarding?.event ?? '',
          consumer: discarding?.consumer ?? '',
        })}
        confirmLabel={t('deadLetters.discard')}
        variant="danger"
        onConfirm={() => (discarding === undefined ? Promise.resolve() : discard.mutateAsync(discarding))}
      />
    </div>
  );
}
