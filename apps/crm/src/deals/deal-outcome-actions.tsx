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
  useIssueMessage,
  useReportProblem,
  useTranslation,
} from '@codexion/web';
import { RotateCcw, ThumbsDown, Trophy } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { transitionDeal, winDeal } from '../../core/generated/client/sdk.gen.js';
import { crm } from '../entities.js';
import { useRecordAction } from '../records/use-record-action.js';
import { LoseDealDialog } from './lose-deal-dialog.js';

/**
 * Won and Lost on an open deal, Reopen on a closed one, beside Edit on the deal's page. Lost asks
 * why; a refusal the server explains by field (a won deal without value) is shown in its words,
 * with the way to fix it.
 *
 * @example
 * createResourceRoutes(deal, { detailSlots: async () => ({ actions: DealOutcomeActions }) })
 */
export function DealOutcomeActions({ id, record }: DetailSlotProps) {
  const { t } = useTranslation('crm');
  const reportProblem = useReportProblem();
  const message = useIssueMessage(crm.entity('deal'));
  const action = useRecordAction(['deals']);
  const [losing, setLosing] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const title = String(record.title ?? '');

  const run = async (to: 'win' | 'reopen') => {
    try {
      await action.mutateAsync((client) =>
        to === 'win'
          ? winDeal({ client, path: { id }, throwOnError: true })
          : transitionDeal({ client, path: { id }, body: { to: 'open' }, throwOnError: true }),
      );
      toast.success(t(to === 'win' ? 'outcome.won' : 'outcome.reopened', { title }));
    } catch (error) {
      const issue = error instanceof ProblemError ? error.errors[0] : undefined;
      if (issue) setRefusal(message(issue));
      else reportProblem(error);
    }
  };

  if (record.status !== 'open') {
    return (
      <PermissionButton
        permission="crm:deal:reopen"
        variant="outline"
        onClick={() => void run('reopen')}
        loading={action.isPending}
      >
        <RotateCcw aria-hidden="true" />
        {t('outcome.reopen')}
      </PermissionButton>
    );
  }
  return (
    <>
      <PermissionButton
        permission="crm:deal:win"
        className="bg-success text-success-foreground hover:bg-success/90"
        onClick={() => void run('win')}
        loading={action.isPending}
      >
        <Trophy aria-hidden="true" />
        {t('outcome.win')}
      </PermissionButton>
      <PermissionButton permission="crm:deal:lose" variant="outline" onClick={() => setLosing(true)}>
        <ThumbsDown aria-hidden="true" />
        {t('outcome.lose')}
      </PermissionButton>
      <LoseDealDialog id={id} record={record} open={losing} onOpenChange={setLosing} />
      <Dialog open={refusal !== undefined} onOpenChange={(open) => !open && setRefusal(undefined)}>
        <DialogContent role="alertdialog">
          <DialogHeader>
            <DialogTitle>{t('outcome.cannotWin', { title })}</DialogTitle>
            <DialogDescription data-slot="refusal">{refusal}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="outline" onClick={() => setRefusal(undefined)}>
              {t('outcome.close')}
            </Button>
            <Button asChild>
              <Link to="edit">{t('outcome.editDeal')}</Link>
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
