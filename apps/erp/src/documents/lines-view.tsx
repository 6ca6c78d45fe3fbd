import {
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  cn,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableRow,
} from '@codexion/resources';
import { currencyDigits } from '@codexion/schema';
import { type DetailSlotProps, useFormatters, useRecordTitles, useTranslation } from '@codexion/web';
import { erp } from '../entities.js';
import { type DocumentKind, documentKindOf } from './document-kinds.js';
import { DocumentTotals } from './document-totals.js';
import { type LineRecord, toLineDrafts } from './line-drafts.js';
import { isAmountColumn, LineHeadCells, useLineLabels } from './line-header.js';
import { PostingPreview } from './posting-preview.js';
import { usePostingRefusal } from './posting-refusal.js';
import { postingPreview } from './posting-rows.js';
import { useCompany, usePreviewContext } from './use-company.js';

function RecordTitle({ target, id }: { target: string; id: string }) {
  const titles = useRecordTitles(erp.get(target), [id]);
  return <>{titles.get(id) ?? '…'}</>;
}

/**
 * A document's lines on its detail page: the table as entered, its totals, and for a draft the
 * ledger rows posting will write. A cell the server named when it refused to post is marked.
 */
export function LinesView({ entity, id, record }: DetailSlotProps) {
  const kind = documentKindOf(entity.name);
  if (!kind) return null;
  return <LinesCard kind={kind} entity={entity} id={id} record={record} etag={undefined} />;
}

function LinesCard({ kind, entity, id, record }: DetailSlotProps & { kind: DocumentKind }) {
  const { t } = useTranslation('erp');
  const format = useFormatters();
  const { baseCurrency } = useCompany();
  const refusal = usePostingRefusal(id);
  const currency =
    kind.currency === 'document' && typeof record.currency === 'string' ? record.currency : baseCurrency;
  const columns = kind.columns(record);
  const labels = useLineLabels(entity, kind.linesField);
  const stored = Array.isArray(record[kind.linesField])
    ? (record[kind.linesField] as unknown[]).filter(
        (line): line is LineRecord => typeof line === 'object' && line !== null,
      )
    : [];
  const texts = toLineDrafts(stored, columns, currencyDigits(currency), format.decimalSeparator);
  const named = new Set(refusal.issues.map((issue) => issue.path.replace(/^\/body/, '')));
  const previewContext = usePreviewContext(kind.entity, record, stored);
  const preview =
    record.status === 'draft' ? postingPreview(kind.entity, record, stored, previewContext) : undefined;

  return (
    <Card data-slot="document-lines">
      <CardHeader>
        <CardTitle>
          <h2>{t(`lines.title.${kind.linesField}`)}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="overflow-x-auto">
          <Table>
            <TableHeader>
              <TableRow>
                <LineHeadCells columns={columns} labels={labels} />
              </TableRow>
            </TableHeader>
            <TableBody>
              {stored.map((line, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a line is where it stands
                <TableRow key={index} data-line={index}>
                  <TableCell className="text-end text-muted-foreground tabular-nums">{index + 1}</TableCell>
                  {columns.map((column) => {
                    const value = line[column.name];
                    const flagged =
                      named.has(`/${kind.linesField}/${index}/${column.name}`) ||
                      named.has(`/${kind.linesField}/${index}`);
                    return (
                      <TableCell
                        key={column.name}
                        data-flagged={flagged || undefined}
                        className={cn(
                          isAmountColumn(column) && 'text-end tabular-nums',
                          flagged && 'bg-danger/10 text-danger',
                        )}
                      >
                        {column.kind === 'relation' && column.target && typeof value === 'string' && value ? (
                          <RecordTitle target={column.target} id={value} />
                        ) : column.kind === 'basis-points' && texts[index]?.[column.name] ? (
                          `${texts[index]?.[column.name]} %`
                        ) : (
                          texts[index]?.[column.name]
                        )}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        <DocumentTotals entity={kind.entity} record={record} lines={stored} currency={currency} />
        {preview && <PostingPreview result={preview} entity={entity} currency={baseCurrency} />}
      </CardContent>
    </Card>
  );
}
