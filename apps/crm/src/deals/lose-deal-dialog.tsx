import { toast } from '@codexion/resources';
import {
  type ActionDeclaration,
  ActionDialog,
  type ResourceRecord,
  useTranslation,
  validateRecord,
} from '@codexion/web';
import loseDealAction from '../../core/actions/lose-deal.json' with { type: 'json' };
import { loseDeal } from '../../core/generated/client/sdk.gen.js';
import type { LoseDealData } from '../../core/generated/client/types.gen.js';
import { crm } from '../entities.js';
import { useRecordAction } from '../records/use-record-action.js';

export interface LoseDealDialogProps {
  id: string;
  record: ResourceRecord;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * Asks why a deal was lost, then marks it lost with that reason in one write: the `loseDeal`
 * action's dialog, its field from the action's request schema. The deal's own rule
 * (`lost-needs-reason`) is checked first, and the server's field errors land on the reason too, so
 * an empty reason reads the same from either side.
 *
 * @example
 * <LoseDealDialog id={id} record={deal} open={open} onOpenChange={setOpen} />
 */
export function LoseDealDialog({ id, record, open, onOpenChange }: LoseDealDialogProps) {
  const { t } = useTranslation('crm');
  const deal = crm.entity('deal');
  const lose = useRecordAction(['deals']);
  const title = String(record.title ?? '');

  return (
    <ActionDialog<LoseDealData['body']>
      action={loseDealAction as ActionDeclaration}
      entity={deal}
      title={t('outcome.loseTitle', { title })}
      description={t('outcome.loseDescription')}
      submitLabel={t('outcome.confirmLose')}
      variant="danger"
      // the rule as the server will check it, on the deal as it would be once lost
      check={({ lostReason }) =>
        validateRecord(deal, { ...record, status: 'lost', lostReason: lostReason?.trim() || null }).filter(
          (issue) => issue.path === '/lostReason',
        )
      }
      // awaited by the dialog: once lost, the page shows Reopen and this dialog is gone
      run={({ lostReason }) =>
        lose.mutateAsync((client) =>
          loseDeal({ client, path: { id }, body: { lostReason: lostReason.trim() }, throwOnError: true }),
        )
      }
      onDone={() => toast.success(t('outcome.lost', { title }))}
      open={open}
      onOpenChange={onOpenChange}
    />
  );
}
