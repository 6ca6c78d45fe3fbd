import {
  Button,
  cn,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@codexion/resources';
import { currencyDigits } from '@codexion/schema';
import {
  type CustomFieldControlProps,
  type DraftValues,
  RelationPicker,
  useFormatters,
  useTranslation,
} from '@codexion/web';
import { Plus, Trash2 } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type FieldError, useController, useFormContext, useWatch } from 'react-hook-form';
import { erp } from '../entities.js';
import { type DocumentKind, documentKindOf } from './document-kinds.js';
import { DocumentTotals } from './document-totals.js';
import {
  fromLineDrafts,
  type LineColumn,
  type LineDraft,
  type LineRecord,
  linesOf,
  scaledInteger,
  toLineDrafts,
} from './line-drafts.js';
import { isAmountColumn, LineHeadCells, useLineLabels } from './line-header.js';
import { PostingPreview } from './posting-preview.js';
import { postingPreview } from './posting-rows.js';
import { useCompany, usePreviewContext } from './use-company.js';

interface LinesState {
  /** the field's value these drafts were read from or last wrote */
  source: unknown;
  drafts: LineDraft[];
  /** each line as stored, for the fields the table does not show */
  stored: LineRecord[];
}

type ErrorTree = { message?: string; [key: string]: unknown } | undefined;

function messageOf(node: unknown): string | undefined {
  return node && typeof node === 'object' && typeof (node as FieldError).message === 'string'
    ? (node as FieldError).message
    : undefined;
}

/** The document as far as its totals and preview need it, read from the form's draft values. */
export function documentOfDraft(
  values: DraftValues,
  currency: string,
  separator: string,
): Record<string, unknown> {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  const texts = Object.fromEntries(
    ['direction', 'kind', 'partyId', 'dueDate', 'returnAgainstId', 'bankAccountId', 'reference', 'memo'].map(
      (name) => [name, text(name) || null],
    ),
  );
  return {
    ...texts,
    currency,
    rateNano: scaledInteger(text('rateNano'), 0, separator),
    amount: scaledInteger(text('amount'), currencyDigits(currency), separator),
  };
}

/** The currency a document's amounts are typed in: its own (when valid) or the base currency. */
function currencyOfDraft(kind: DocumentKind, values: DraftValues, base: string): string {
  const own = values.currency;
  return kind.currency === 'document' && typeof own === 'string' && /^[A-Z]{3}$/.test(own) ? own : base;
}

/**
 * The line table of a document's form (`EntityOptions.fieldControls`): a row per line with account,
 * item, party or invoice pickers and amounts typed in major units (stored in minor units of the
 * document's currency), rows added and removed, each cell showing the issue the schema, the rules
 * or the server names for it (`/lines/2/unitPrice`), then the live totals and the ledger rows
 * posting will write.
 */
export function LinesControl({ entity, field }: CustomFieldControlProps) {
  const kind = documentKindOf(entity.name);
  if (!kind) throw new Error(`LinesControl: ${entity.name} has no line table`);
  return <LinesTable kind={kind} entity={entity} field={field} />;
}

function LinesTable({ kind, entity, field }: CustomFieldControlProps & { kind: DocumentKind }) {
  const { t } = useTranslation('erp');
  const format = useFormatters();
  const separator = format.decimalSeparator;
  const { baseCurrency } = useCompany();
  const { control, formState } = useFormContext<DraftValues>();
  const { field: input } = useController({ control, name: field.path });
  const values = useWatch({ control }) as DraftValues;
  const currency = currencyOfDraft(kind, values, baseCurrency);
  const digits = currencyDigits(currency);
  const direction = values.direction;
  const columns = useMemo(() => kind.columns({ direction }), [kind, direction]);
  const labels = useLineLabels(entity, field.name);

  const read = (source: unknown): LinesState => {
    const stored = linesOf(source);
    // a new document starts with one line to type into
    if (!stored.length && (source === '' || source == null)) return { source, stored: [{}], drafts: [{}] };
    return { source, stored, drafts: toLineDrafts(stored, columns, digits, separator) };
  };
  const [state, setState] = useState<LinesState>(() => read(input.value));
  // the form was reset (a reload, a saved record): show what it holds now
  if (input.value !== state.source) setState(read(input.value));

  const write = (drafts: LineDraft[], stored: LineRecord[]) => {
    const lines = fromLineDrafts(drafts, columns, digits, separator, stored);
    const json = JSON.stringify(lines, null, 2);
    setState({ source: json, drafts, stored });
    input.onChange(json);
  };
  // typed amounts mean other minor units in a currency with other digits (JPY has none)
  const writtenDigits = useRef(digits);
  useEffect(() => {
    if (writtenDigits.current === digits) return;
    writtenDigits.current = digits;
    if (state.drafts.length) write(state.drafts, state.stored);
  });

  const setCell = (index: number, name: string, text: string) =>
    write(
      state.drafts.map((draft, i) => (i === index ? { ...draft, [name]: text } : draft)),
      state.stored,
    );
  const addLine = () => write([...state.drafts, {}], [...state.stored, {}]);
  const removeLine = (index: number) =>
    write(
      state.drafts.filter((_, i) => i !== index),
      state.stored.filter((_, i) => i !== index),
    );

  const errors = (formState.errors as Record<string, ErrorTree>)[field.path];
  const lineErrors = (index: number) => errors?.[index] as ErrorTree;
  const lines = fromLineDrafts(state.drafts, columns, digits, separator, state.stored);
  const record = documentOfDraft(values, currency, separator);
  const previewContext = usePreviewContext(kind.entity, record, lines);
  const preview = postingPreview(kind.entity, record, lines, previewContext);
  const idOf = (index: number, name: string) => `${field.path}-${index}-${name}`;
  const fieldMessage = messageOf(errors);
  const lineMessages = state.drafts.flatMap((_, index) => {
    const message = messageOf(lineErrors(index));
    return message ? [t('lines.lineIssue', { line: index + 1, message })] : [];
  });

  return (
    <fieldset data-slot="line-items" className="grid min-w-0 gap-4 sm:col-span-2">
      <legend className="mb-2 font-medium text-sm">
        {t(`lines.title.${kind.linesField}`)}
        <span aria-hidden="true" className="text-danger">
          {' '}
          *
        </span>
      </legend>
      <div className="overflow-x-auto rounded-md border">
        <Table className="min-w-[40rem]">
          <TableHeader>
            <TableRow>
              <LineHeadCells columns={columns} labels={labels} />
              <TableHead className="w-12">
                <span className="sr-only">{t('lines.actions')}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {state.drafts.map((draft, index) => (
              // lines have no id of their own: a line is where it stands
              // biome-ignore lint/suspicious/noArrayIndexKey: position is the line's identity
              <TableRow key={index} data-line={index}>
                <TableCell className="text-end align-top text-muted-foreground tabular-nums">
                  {index + 1}
                </TableCell>
                {columns.map((column) => {
                  const error = messageOf(lineErrors(index)?.[column.name]);
                  const label = t('lines.cell', {
                    column: labels.get(column.name) ?? column.name,
                    line: index + 1,
                  });
                  return (
                    <TableCell key={column.name} className="min-w-32 align-top">
                      <LineCell
                        column={column}
                        value={draft[column.name] ?? ''}
                        label={label}
                        currency={currency}
                        error={error}
                        errorId={`${idOf(index, column.name)}-error`}
                        onChange={(text) => setCell(index, column.name, text)}
                        onBlur={input.onBlur}
                      />
                      {error && (
                        <p id={`${idOf(index, column.name)}-error`} className="mt-1 text-danger text-xs">
                          {error}
                        </p>
                      )}
                    </TableCell>
                  );
                })}
                <TableCell className="align-top">
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    aria-label={t('lines.remove', { line: index + 1 })}
                    onClick={() => removeLine(index)}
                  >
                    <Trash2 aria-hidden="true" />
                  </Button>
                </TableCell>
              </TableRow>
            ))}
            {state.drafts.length === 0 && (
              <TableRow>
                <TableCell colSpan={columns.length + 2} className="py-6 text-center text-muted-foreground">
                  {t('lines.empty')}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </div>
      {(fieldMessage || lineMessages.length > 0) && (
        <ul role="alert" className="grid gap-1 text-danger text-sm">
          {fieldMessage && <li>{fieldMessage}</li>}
          {lineMessages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <Button variant="outline" size="sm" onClick={addLine}>
          <Plus aria-hidden="true" />
          {t('lines.add')}
        </Button>
        <DocumentTotals entity={kind.entity} record={record} lines={lines} currency={currency} />
      </div>
      {preview && <PostingPreview result={preview} entity={entity} currency={baseCurrency} />}
    </fieldset>
  );
}

interface LineCellProps {
  column: LineColumn;
  value: string;
  label: string;
  currency: string;
  error: string | undefined;
  errorId: string;
  onChange: (text: string) => void;
  onBlur: () => void;
}

function LineCell({ column, value, label, currency, error, errorId, onChange, onBlur }: LineCellProps) {
  const described = error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  const target = column.target ? erp.get(column.target) : undefined;
  if (column.kind === 'relation' && target) {
    return (
      <RelationPicker
        aria-label={label}
        {...described}
        className="w-full min-w-40"
        target={target}
        value={value || null}
        clearable={!column.required}
        onValueChange={(id) => {
          onChange(id ?? '');
          onBlur();
        }}
      />
    );
  }
  const numeric = isAmountColumn(column);
  return (
    <div className="relative">
      <Input
        aria-label={label}
        {...described}
        inputMode={numeric ? 'decimal' : undefined}
        className={cn(
          numeric && 'text-end tabular-nums',
          column.kind === 'money' && 'pe-12',
          column.kind === 'basis-points' && 'pe-7',
        )}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
      {(column.kind === 'money' || column.kind === 'basis-points') && (
        <span
          aria-hidden="true"
          className="pointer-events-none absolute end-2.5 top-2 text-muted-foreground text-xs"
        >
          {column.kind === 'money' ? currency : '%'}
        </span>
      )}
    </div>
  );
}
