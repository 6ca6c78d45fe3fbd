import {
  Button,
  cn,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  FormField,
  Input,
  toast,
} from '@codexion/resources';
import { useTranslation } from '@codexion/web';
import { Check, Copy } from 'lucide-react';
import { type ComponentProps, useState } from 'react';

export interface CopyValueViewProps extends Omit<ComponentProps<'div'>, 'title'> {
  title: string;
  description: string;
  /** the read-only field's label */
  label: string;
  value: string;
  /** the copy button's label */
  copyLabel: string;
  /** the toast once it is copied */
  copiedMessage: string;
  /** the toast when the clipboard refuses (the user copies by hand) */
  failedMessage: string;
  /** a monospaced field (secrets, keys) */
  mono?: boolean;
  onDone: () => void;
}

/**
 * The second step of a dialog that made something to hand over (an invitation link, a signing
 * secret): the value read-only, a button that copies it (a check once copied), and *Done*.
 *
 * @example
 * <CopyValueView title="Copy the link" description="…" label="Link" value={link} copyLabel="Copy"
 *   copiedMessage="Copied" failedMessage="Copy it by hand" onDone={close} />
 */
export function CopyValueView({
  title,
  description,
  label,
  value,
  copyLabel,
  copiedMessage,
  failedMessage,
  mono = false,
  onDone,
  className,
  ...props
}: CopyValueViewProps) {
  const { t } = useTranslation('admin');
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success(copiedMessage);
    } catch {
      toast.error(failedMessage);
    }
  };
  return (
    <div className={cn('grid gap-4', className)} {...props}>
      <DialogHeader>
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>{description}</DialogDescription>
      </DialogHeader>
      <FormField label={label}>
        <Input
          readOnly
          value={value}
          className={mono ? 'font-mono' : undefined}
          onFocus={(event) => event.target.select()}
        />
      </FormField>
      <DialogFooter>
        <Button variant="outline" onClick={() => void copy()}>
          {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
          {copyLabel}
        </Button>
        <Button onClick={onDone}>{t('common.done')}</Button>
      </DialogFooter>
    </div>
  );
}
