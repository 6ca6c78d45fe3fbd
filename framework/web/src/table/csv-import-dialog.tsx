import {
  Badge,
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  Input,
  Label,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  toast,
} from '@codexion/resources';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-provider.js';
import { useReportProblem } from '../api/use-report-problem.js';
import type { EntityConfig } from '../entity/define-entities.js';
import { fieldPathOf } from '../entity/json-pointer.js';
import { useEntityText } from '../i18n/use-entity-text.js';
import { useIssueMessage } from '../i18n/use-issue-message.js';
import {
  bulkCreate,
  guessMapping,
  type ImportRow,
  importableFields,
  type ParsedCsv,
  parseCsv,
  prepareImport,
} from '../list/csv-import.js';
import { resourceKeys } from '../resource/resource-queries.js';

export interface CsvImportDialogProps {
  entity: EntityConfig;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

const skip = '__skip';
/** rows of the preview; a file of thousands still validates whole, but lists only its first errors */
const previewLimit = 50;

/**
 * Imports records from a CSV file: map its columns to fields, see every row's errors (the same
 * schema and rules as the server) before anything is written, then create the valid rows in bulk.
 *
 * @example
 * <CsvImportDialog entity={account} open={open} onOpenChange={setOpen} />
 */
export function CsvImportDialog({ entity, open, onOpenChange }: CsvImportDialogProps) {
  const { t } = useTranslation('codexion');
  const text = useEntityText(entity);
  const issueMessage = useIssueMessage(entity);
  const { client, baseUrl } = useApi();
  const queryClient = useQueryClient();
  const reportProblem = useReportProblem();
  const fileId = useId();
  const fields = useMemo(() => importableFields(entity), [entity]);
  const [parsed, setParsed] = useState<ParsedCsv | undefined>();
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [importing, setImporting] = useState(false);
  const [serverFailed, setServerFailed] = useState<ImportRow[]>([]);

  const rows = useMemo(
    () => (parsed ? prepareImport(entity, parsed, mapping) : []),
    [entity, parsed, mapping],
  );
  const invalid = [...rows.filter((row) => row.issues.length), ...serverFailed];
  const valid = rows.filter((row) => row.issues.length === 0);

  const reset = () => {
    setParsed(undefined);
    setMapping({});
    setServerFailed([]);
  };
  const readFile = async (file: File | undefined) => {
    if (!file) return;
    const csv = parseCsv(await file.text());
    setParsed(csv);
    setMapping(guessMapping(csv.headers, fields));
    setServerFailed([]);
  };
  const fieldLabel = (path: string) => {
    const field = fields.find((candidate) => candidate.path === path);
    return field ? text.field(field) : path;
  };
  const runImport = async () => {
    setImporting(true);
    try {
      const { created, failed } = await bulkCreate(client, entity, valid);
      await queryClient.invalidateQueries({ queryKey: resourceKeys.all(baseUrl, entity.resource) });
      if (failed.length) {
        setServerFailed(failed);
        return;
      }
      toast.success(t('import.done', { count: created }));
      reset();
      onOpenChange(false);
    } catch (error) {
      reportProblem(error);
    } finally {
      setImporting(false);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) reset();
        onOpenChange(next);
      }}
    >
      <DialogContent closeLabel={t('actions.close')} className="sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle>{t('import.title', { entities: text.plural })}</DialogTitle>
          <DialogDescription>{t('import.description')}</DialogDescription>
        </DialogHeader>
        <div className="grid gap-1.5">
          <Label htmlFor={fileId}>{t('import.file')}</Label>
          <Input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => void readFile(event.target.files?.[0])}
          />
        </div>
        {parsed && (
          <section aria-labelledby={`${fileId}-mapping`} className="grid gap-2">
            <h3 id={`${fileId}-mapping`} className="font-medium text-sm">
              {t('import.mapping')}
            </h3>
            <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] items-center gap-x-4 gap-y-2">
              {parsed.headers.map((header) => (
                <div key={header} className="contents">
                  <Label htmlFor={`${fileId}-${header}`} className="truncate font-mono text-xs">
                    {header}
                  </Label>
                  <Select
                    value={mapping[header] || skip}
                    onValueChange={(value) =>
                      setMapping({ ...mapping, [header]: value === skip ? '' : value })
                    }
                  >
                    <SelectTrigger id={`${fileId}-${header}`} size="sm" className="w-full">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      <SelectItem value={skip}>{t('import.skipColumn')}</SelectItem>
                      {fields.map((field) => (
                        <SelectItem key={field.path} value={field.path}>
                          {fieldLabel(field.path)}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                </div>
              ))}
            </div>
          </section>
        )}
        {parsed && (
          <section aria-live="polite" className="grid gap-2">
            <p className="flex flex-wrap gap-2 text-sm">
              <Badge variant="success">{t('import.validRows', { count: valid.length })}</Badge>
              {invalid.length > 0 && (
                <Badge variant="danger">{t('import.invalidRows', { count: invalid.length })}</Badge>
              )}
            </p>
            {invalid.length > 0 && (
              <ul
                aria-label={t('import.errors')}
                className="max-h-56 overflow-y-auto rounded-md border text-sm"
              >
                {invalid.slice(0, previewLimit).map((row) => (
                  <li key={`${row.line}`} className="border-b px-3 py-2 last:border-0">
                    <span className="font-medium">{t('import.line', { line: row.line })}</span>{' '}
                    {row.issues
                      .map((issue) => {
                        const path = fieldPathOf(issue.path);
                        return path ? `${fieldLabel(path)}: ${issueMessage(issue)}` : issueMessage(issue);
                      })
                      .join('; ')}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            {t('actions.cancel')}
          </Button>
          <Button
            disabled={!valid.length || serverFailed.length > 0}
            loading={importing}
            onClick={() => void runImport()}
          >
            {t('import.submit', { count: valid.length })}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
