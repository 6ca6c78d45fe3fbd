import { Dialog, DialogContent, FormField, Textarea, toast } from '@codexion/resources';
import {
  DialogForm,
  ProblemError,
  type ResourceRecord,
  useIssueMessage,
  useReportProblem,
  useTranslation,
  validateRecord,
} from '@codexion/web';
import { useState } from 'react';
import { loseDeal } from '../../core/generated/client/sdk.gen.js';
import { crm } from '../entities.js';
import { useRecordAction } from '../records/use-record-action.js';

export interface LoseDealDialogProps {
  id: string;
  record: ResourceRecord;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * Asks why a deal was lost, then marks it lost with that reason in one write. The deal's own rule
 * (`lost-needs-reason`) is checked first, and the server's field errors land on the reason too, so
 * an empty reason reads the same from either side.
 *
 * @example
 * <LoseDealDialog id={id} record={deal} open={open} onOpenChange={setOpen} />
 */
export function LoseDealDialog({ id, record, open, onOpenChange }: LoseDealDialogProps) {
  const { t } = useTranslation('crm');
  const deal = crm.entity('deal');
  const message = useIssueMessage(deal);
  const reportProblem = useReportProblem();
  const lose = useRecordAction(['deals']);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const title = String(record.title ?? '');

  const submit = async () => {
    const lostReason = reason.trim();
    // the rule as the server will check it, on the deal as it would be once lost
    const issue = validateRecord(deal, { ...record, status: 'lost', lostReason: lostReason || null }).find(
      (candidate) => candidate.path === '/lostReason',
    );
    if (issue) {
      setError(message(issue));
      return;
    }
    try {
      // awaited: once lost, the page shows Reopen and this dialog is gone before mutate callbacks ran
      await lose.mutateAsync((client) =>
        loseDeal({ client, path: { id }, body: { lostReason }, throwOnError: true }),
      );
      toast.success(t('outcome.lost', { title }));
      setReason('');
      setError(undefined);
      onOpenChange(false);
    } catch (problem) {
      const issue = problem instanceof ProblemError ? problem.errors[0] : undefined;
      if (issue) setError(message(issue));
      else reportProblem(problem);
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogForm
          title={t('outcome.loseTitle', { title })}
          description={t('outcome.loseDescription')}
          submitLabel={t('outcome.confirmLose')}
          variant="danger"
          busy={lose.isPending}
          onSubmit={() => void submit()}
          onCancel={() => onOpenChange(false)}
        >
          <FormField label={t('outcome.reason')} error={error} required>
            <Textarea
              rows={3}
              value={reason}
              placeholder={t('outcome.reasonPlaceholder')}
              onChange={(event) => setReason(event.target.value)}
            />
          </FormField>
        </DialogForm>
      </DialogContent>
    </Dialog>
  );
}
