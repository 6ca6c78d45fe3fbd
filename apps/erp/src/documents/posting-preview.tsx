import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from '@codexion/resources';
import { type EntityConfig, useEntityText, useRecordTitles, useTranslation } from '@codexion/web';
import { voucherBalance } from '../../core/ledger/balanced.js';
import { erp } from '../entities.js';
import { issuePlace } from './issue-place.js';
import type { PostingPreviewResult } from './posting-rows.js';
import { useMoney } from './use-money.js';

export interface PostingPreviewProps {
  /** the rows, or the field that keeps them from being computed yet */
  result: PostingPreviewResult;
  /** the document, for naming that field */
  entity: EntityConfig;
  /** the base currency the rows are in */
  currency: string;
}

/**
 * The general-ledger rows posting will write, before it is posted: account, party, debit and
 * credit in the base currency, their sums and whether they balance (the check the ledger makes).
 */
export function PostingPreview({ result, entity, currency }: PostingPreviewProps) {
  const { t } = useTranslation('erp');
  const text = useEntityText(entity);
  const money = useMoney();
  const rows = 'rows' in result ? result.rows : [];
  const accounts = useRecordTitles(erp.entity('account'), [...new Set(rows.map((row) => row.accountId))]);
  const parties = useRecordTitles(erp.entity('party'), [
    ...new Set(rows.flatMap((row) => (row.partyId ? [row.partyId] : []))),
  ]);
  let balance: ReturnType<typeof voucherBalance>;
  try {
    balance = voucherBalance(rows);
  } catch {
    return null;
  }
  const balanced = balance.difference === 0 && rows.length > 0;
  if ('issue' in result) {
    const place = issuePlace(
      result.issue.path,
      (field) => text.field(field),
      (field) => t(`lines.fields.${field}`, { defaultValue: field }),
    );
    return (
      <section data-slot="posting-preview" aria-labelledby="posting-preview-title" className="grid gap-2">
        <h3 id="posting-preview-title" className="font-medium text-sm">
          {t('preview.title')}
        </h3>
        <p className="text-muted-foreground text-sm" data-slot="preview-incomplete">
          {place ? t('preview.incomplete', { place }) : result.issue.message}
        </p>
      </section>
    );
  }
  return (
    <section data-slot="posting-preview" aria-labelledby="posting-preview-title" className="grid gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <h3 id="posting-preview-title" className="font-medium text-sm">
          {t('preview.title')}
        </h3>
        <Badge variant={balanced ? 'success' : 'danger'}>
          {balanced
            ? t('preview.balanced')
            : t('preview.unbalanced', { amount: money(balance.difference, currency) })}
        </Badge>
      </div>
      {rows.length === 0 ? (
        <p className="text-muted-foreground text-sm">{t('preview.empty')}</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t('preview.account')}</TableHead>
              <TableHead>{t('preview.party')}</TableHead>
              <TableHead className="text-end">{t('preview.debit')}</TableHead>
              <TableHead className="text-end">{t('preview.credit')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row, index) => (
              // rows have no identity of their own before they are written
              // biome-ignore lint/suspicious/noArrayIndexKey: the preview is recomputed as a whole
              <TableRow key={index}>
                <TableCell>{accounts.get(row.accountId) ?? '…'}</TableCell>
                <TableCell className="text-muted-foreground">
                  {row.partyId ? (parties.get(row.partyId) ?? '…') : ''}
                </TableCell>
                <TableCell className="text-end tabular-nums">
                  {row.debit ? money(row.debit, currency) : ''}
                </TableCell>
                <TableCell className="text-end tabular-nums">
                  {row.credit ? money(row.credit, currency) : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableCell colSpan={2}>{t('preview.total')}</TableCell>
              <TableCell className="text-end tabular-nums">{money(balance.debit, currency)}</TableCell>
              <TableCell className="text-end tabular-nums">{money(balance.credit, currency)}</TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      )}
    </section>
  );
}
