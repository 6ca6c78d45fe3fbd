import type { Client } from '@codexion/client';
import {
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  toast,
} from '@codexion/resources';
import {
  type DetailSlotProps,
  PermissionButton,
  ProblemError,
  resourceKeys,
  useApi,
  useEntityText,
  useIssueMessage,
  useReportProblem,
  useTranslation,
} from '@codexion/web';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BookCheck, Undo2 } from 'lucide-react';
import { useState } from 'react';
import {
  transitionJournalEntry,
  transitionPayment,
  transitionPurchaseInvoice,
  transitionSalesInvoice,
  transitionStockEntry,
} from '../../core/generated/client/sdk.gen.js';
import type { DocumentEntity } from './document-kinds.js';
import { issuePlace } from './issue-place.js';
import { usePostingRefusal } from './posting-refusal.js';

type Target = 'posted' | 'cancelled';
interface TransitionRequest {
  client: Client;
  path: { id: string };
  body: { to: Target };
  headers: { 'If-Match'?: string };
  throwOnError: true;
}

/** The workflow transition of each document, from the generated SDK. */
const transitions: Record<DocumentEntity, (request: TransitionRequest) => Promise<unknown>> = {
  'journal-entry': (request) => transitionJournalEntry(request),
  'sales-invoice': (request) => transitionSalesInvoice(request),
  'purchase-invoice': (request) => transitionPurchaseInvoice(request),
  payment: (request) => transitionPayment(request),
  'stock-entry': (request) => transitionStockEntry(request),
};

/** What posting or cancelling may change besides the document: invoices a payment settles, stock. */
const touches: Record<DocumentEntity, string[]> = {
  'journal-entry': [],
  'sales-invoice': [],
  'purchase-invoice': [],
  payment: ['sales-invoices', 'purchase-invoices'],
  'stock-entry': ['items'],
};

/**
 * Post on a draft document, Cancel on a posted one, beside Edit on its detail page: each asks
 * first, moves the document through its workflow transition (the generated SDK's
 * `transition<Document>` with the ETag read), and shows the server's refusal (an unbalanced
 * entry, a closed period, a missing party) with the field it names.
 */
export function PostingActions({ entity, id, record, etag }: DetailSlotProps) {
  const { t } = useTranslation('erp');
  const text = useEntityText(entity);
  const message = useIssueMessage(entity);
  const reportProblem = useReportProblem();
  const { client, baseUrl } = useApi();
  const queryClient = useQueryClient();
  const refusal = usePostingRefusal(id);
  const [asking, setAsking] = useState<Target>();
  const [refused, setRefused] = useState<{ to: Target; detail: string; places: string[] }>();
  const name = entity.name as DocumentEntity;
  const title = String(record[entity.titleField] ?? '') || text.title;

  const move = useMutation({
    mutationFn: (to: Target) =>
      transitions[name]({
        client,
        path: { id },
        body: { to },
        headers: etag ? { 'If-Match': etag } : {},
        throwOnError: true,
      }),
    onSettled: () =>
      Promise.all(
        [entity.resource, ...touches[name]].map((resource) =>
          queryClient.invalidateQueries({ queryKey: resourceKeys.all(baseUrl, resource) }),
        ),
      ),
  });

  const run = async (to: Target) => {
    try {
      await move.mutateAsync(to);
      refusal.set([]);
      setAsking(undefined);
      toast.success(t(to === 'posted' ? 'posting.posted' : 'posting.cancelled', { title }));
    } catch (error) {
      setAsking(undefined);
      if (error instanceof ProblemError && error.status !== 412 && (error.errors.length || error.code)) {
        refusal.set(error.errors);
        setRefused({
          to,
          detail: error.problem.detail ?? error.problem.title,
          places: error.errors.map((issue) => {
            const place = issuePlace(
              issue.path,
              (field) => text.field(field),
              (field) => t(`lines.fields.${field}`, { defaultValue: field }),
            );
            return place ? `${place}: ${message(issue)}` : message(issue);
          }),
        });
      } else reportProblem(error);
    }
  };

  const status = record.status;
  if (status !== 'draft' && status !== 'posted') return null;
  const to: Target = status === 'draft' ? 'posted' : 'cancelled';
  const verb = to === 'posted' ? 'post' : 'cancel';
  return (
    <>
      <PermissionButton
        permission={`erp:${name}:${verb}`}
        variant={to === 'posted' ? 'default' : 'outline'}
        onClick={() => setAsking(to)}
        loading={move.isPending}
      >
        {to === 'posted' ? <BookCheck aria-hidden="true" /> : <Undo2 aria-hidden="true" />}
        {t(`posting.${verb}`)}
      </PermissionButton>
      <Dialog open={asking !== undefined} onOpenChange={(open) => !open && setAsking(undefined)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t(`posting.${verb}Title`, { title })}</DialogTitle>
            <DialogDescription>{t(`posting.${verb}Description`)}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="outline" onClick={() => setAsking(undefined)}>
              {t('posting.keep')}
            </Button>
            <Button
              variant={to === 'posted' ? 'default' : 'danger'}
              loading={move.isPending}
              onClick={() => void run(to)}
            >
              {t(`posting.${verb}Confirm`)}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
      <Dialog open={refused !== undefined} onOpenChange={(open) => !open && setRefused(undefined)}>
        <DialogContent role="alertdialog">
          <DialogHeader>
            <DialogTitle>
              {t(`posting.${refused?.to === 'cancelled' ? 'cannotCancel' : 'cannotPost'}`, { title })}
            </DialogTitle>
            <DialogDescription data-slot="refusal">{refused?.detail}</DialogDescription>
          </DialogHeader>
          {refused && refused.places.length > 0 && (
            <ul className="grid list-disc gap-1 ps-5 text-sm">
              {refused.places.map((place) => (
                <li key={place}>{place}</li>
              ))}
            </ul>
          )}
          <DialogFooter>
            <Button onClick={() => setRefused(undefined)}>{t('posting.close')}</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
