import type { Client } from '@codexion/client';
import { Button, Input, Label } from '@codexion/resources';
import { useTranslation } from '@codexion/web';
import { Download } from 'lucide-react';
import { useId } from 'react';
import { useCsvDownload } from './use-report.js';

export interface DateFieldProps {
  label: string;
  value: string;
  onChange: (day: string) => void;
}

/** A labelled day input (`YYYY-MM-DD`), keyboard-first, for a report's period. */
export function DateField({ label, value, onChange }: DateFieldProps) {
  const id = useId();
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="date"
        className="w-40"
        value={value}
        onChange={(event) => {
          if (/^\d{4}-\d{2}-\d{2}$/.test(event.target.value)) onChange(event.target.value);
        }}
      />
    </div>
  );
}

export interface CsvButtonProps {
  fileName: string;
  /** the report's SDK call with `format: 'csv'` and `parseAs: 'blob'` */
  call: (client: Client) => Promise<{ data: unknown }>;
}

/** The CSV export button of a report: the same action, answered as a file to download. */
export function CsvButton({ fileName, call }: CsvButtonProps) {
  const { t } = useTranslation('erp');
  const csv = useCsvDownload();
  return (
    <Button variant="outline" onClick={() => csv.mutate({ fileName, call })} loading={csv.isPending}>
      <Download aria-hidden="true" />
      {t('reports.exportCsv')}
    </Button>
  );
}

/** The from/to days of a report over a period. */
export function PeriodFields({
  from,
  to,
  set,
}: {
  from: string;
  to: string;
  set: (name: string, day: string) => void;
}) {
  const { t } = useTranslation('erp');
  return (
    <>
      <DateField label={t('reports.from')} value={from} onChange={(day) => set('from', day)} />
      <DateField label={t('reports.to')} value={to} onChange={(day) => set('to', day)} />
    </>
  );
}
