import { Button, Input, Label } from '@codexion/resources';
import { useTranslation } from '@codexion/web';
import { Download } from 'lucide-react';
import { useId } from 'react';

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

/** The CSV export button of a report. */
export function CsvButton({ onClick, loading }: { onClick: () => void; loading: boolean }) {
  const { t } = useTranslation('erp');
  return (
    <Button variant="outline" onClick={onClick} loading={loading}>
      <Download aria-hidden="true" />
      {t('reports.exportCsv')}
    </Button>
  );
}
