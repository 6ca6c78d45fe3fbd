import type { AuditEntry } from '@codexion/contracts/audit/types';
import { cn, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@codexion/resources';
import { useTranslation } from '@codexion/web';

/** One field's change in an audit entry; a side is absent where the field was not there. */
type AuditChange = NonNullable<AuditEntry['diff']>[string];

import { formatAuditValue } from './audit-format.js';

export interface AuditDiffTableProps {
  diff: Record<string, AuditChange>;
  /** names the table for screen readers */
  label: string;
}

/**
 * The fields one audit entry changed, each with its value before and after.
 *
 * @example
 * <AuditDiffTable diff={entry.diff} label="Changes of 12 May" />
 */
export function AuditDiffTable({ diff, label }: AuditDiffTableProps) {
  const { t } = useTranslation('admin');
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHead>{t('audit.field')}</TableHead>
          <TableHead>{t('audit.before')}</TableHead>
          <TableHead>{t('audit.after')}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {Object.entries(diff).map(([field, change]) => (
          <TableRow key={field}>
            <TableCell className="font-mono text-xs">{field}</TableCell>
            <TableCell
              className={cn(
                'whitespace-normal break-all text-muted-foreground',
                change.before !== undefined && change.before !== null && 'line-through decoration-danger/60',
              )}
            >
              {formatAuditValue(change.before)}
            </TableCell>
            <TableCell className="whitespace-normal break-all">{formatAuditValue(change.after)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
