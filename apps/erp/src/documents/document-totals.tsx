import { Badge, cn } from '@codexion/resources';
import { useFormatters, useTranslation } from '@codexion/web';
import { type DocumentFigures, documentFigures } from './document-figures.js';
import type { DocumentEntity } from './document-kinds.js';
import type { LineRecord } from './line-drafts.js';
import { useMoney } from './use-money.js';

export interface DocumentTotalsProps {
  entity: DocumentEntity;
  record: Record<string, unknown>;
  lines: readonly LineRecord[];
  currency: string;
}

/**
 * The totals under a document's lines, live while they are typed: net, tax and total of an
 * invoice, debit and credit of a journal entry (with a balanced badge), what a payment leaves
 * unallocated, the quantity and value of a stock entry.
 */
export function DocumentTotals({ entity, record, lines, currency }: DocumentTotalsProps) {
  const { t } = useTranslation('erp');
  const format = useFormatters();
  const money = useMoney();
  let figures: DocumentFigures;
  try {
    figures = documentFigures(entity, record, lines);
  } catch {
    // amounts beyond what the ledger can hold: the schema check says which line
    return null;
  }
  return (
    <div data-slot="document-totals" className="flex flex-wrap items-end justify-end gap-x-8 gap-y-2">
      {figures.balanced !== undefined && (
        <Badge
          variant={figures.balanced ? 'success' : 'danger'}
          data-slot="balance-badge"
          className="me-auto"
        >
          {t(`totals.${entity === 'payment' ? 'allocation' : 'balance'}.${figures.balanced ? 'ok' : 'off'}`)}
        </Badge>
      )}
      <dl className="flex flex-wrap gap-x-8 gap-y-2">
        {figures.figures.map((figure) => (
          <div key={figure.key} className="grid justify-items-end gap-0.5">
            <dt className="text-muted-foreground text-xs">{t(`totals.${figure.key}`)}</dt>
            <dd
              className={cn(
                'tabular-nums',
                figure.strong && 'font-semibold text-base',
                figure.tone === 'danger' && 'text-danger',
              )}
            >
              {figure.plain ? format.number(figure.value) : money(figure.value, currency)}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
