import { cn, toast } from '@codexion/resources';
import {
  type DetailSlotProps,
  useAllRecords,
  useFormatters,
  usePermissions,
  useReportProblem,
  useTranslation,
} from '@codexion/web';
import { CircleCheck, CircleX } from 'lucide-react';
import { moveDeal } from '../../core/generated/client/sdk.gen.js';
import { toStageFacts } from '../dashboard/dashboard-figures.js';
import { crm } from '../entities.js';
import { useRecordAction } from '../records/use-record-action.js';

/**
 * Where a deal stands, across the top of its page: the stages of its pipeline as steps (the
 * current one marked, the others a click away through the move action) while it is open; the
 * outcome, its date and the lost reason once it is closed.
 *
 * @example
 * createResourceRoutes(deal, { detailSlots: async () => ({ summary: DealStageBar }) })
 */
export function DealStageBar({ id, record }: DetailSlotProps) {
  const { t } = useTranslation('crm');
  const format = useFormatters();
  const { can } = usePermissions();
  const reportProblem = useReportProblem();
  const move = useRecordAction(['deals']);
  const pipelineId = String(record.pipelineId ?? '');
  const stages = useAllRecords(crm.entity('stage'), {
    q: '',
    sort: [{ field: 'position', desc: false }],
    filters: [{ field: 'pipelineId', op: 'eq', value: pipelineId }],
  });
  const steps = toStageFacts(stages.data ?? []);
  const current = steps.findIndex((stage) => stage.id === record.stageId);
  const closedAt = typeof record.closedAt === 'string' ? format.dateTime(record.closedAt) : '';

  if (record.status === 'won' || record.status === 'lost') {
    const won = record.status === 'won';
    return (
      <div
        data-slot="deal-outcome"
        role="status"
        className={cn(
          'flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border px-4 py-3 text-sm',
          won ? 'border-success/40 bg-success/10' : 'border-danger/40 bg-danger/10',
        )}
      >
        {won ? (
          <CircleCheck aria-hidden="true" className="size-5 text-success" />
        ) : (
          <CircleX aria-hidden="true" className="size-5 text-danger" />
        )}
        <span className="font-medium">
          {t(won ? 'outcome.wonBanner' : 'outcome.lostBanner', { date: closedAt })}
        </span>
        {!won && typeof record.lostReason === 'string' && (
          <span className="text-muted-foreground">“{record.lostReason}”</span>
        )}
      </div>
    );
  }
  if (!steps.length) return null;
  const canMove = can('crm:deal:update');
  return (
    <nav aria-label={t('outcome.stages')} data-slot="deal-stage-bar">
      <ol className="flex overflow-x-auto rounded-lg border bg-card text-sm">
        {steps.map((stage, index) => {
          const reached = index <= current;
          const isCurrent = index === current;
          return (
            <li key={stage.id} className="min-w-28 flex-1 border-s first:border-s-0">
              <button
                type="button"
                disabled={!canMove || isCurrent || move.isPending}
                aria-current={isCurrent ? 'step' : undefined}
                title={isCurrent ? undefined : t('outcome.moveTo', { stage: stage.name })}
                onClick={() =>
                  move.mutate(
                    (client) =>
                      moveDeal({
                        client,
                        path: { id },
                        body: { stageId: String(stage.id) },
                        throwOnError: true,
                      }),
                    {
                      onSuccess: () => toast.success(t('outcome.moved', { stage: stage.name })),
                      onError: reportProblem,
                    },
                  )
                }
                className={cn(
                  'flex h-full w-full flex-col items-start gap-0.5 px-3 py-2 text-start outline-none transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/50 enabled:cursor-pointer enabled:hover:bg-accent',
                  reached && 'bg-primary/10',
                  isCurrent && 'bg-primary text-primary-foreground',
                )}
              >
                <span className="truncate font-medium">{stage.name}</span>
                {isCurrent && typeof record.probability === 'number' && (
                  <span className="text-xs opacity-90">
                    {t('outcome.toWin', { probability: format.percent(record.probability) })}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
