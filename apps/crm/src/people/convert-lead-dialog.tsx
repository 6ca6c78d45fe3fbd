import {
  Dialog,
  DialogContent,
  FormField,
  Input,
  Tabs,
  TabsList,
  TabsTrigger,
  toast,
} from '@codexion/resources';
import { currencyDigits } from '@codexion/schema';
import {
  DialogForm,
  ProblemError,
  parseDecimal,
  RelationPicker,
  type ResourceRecord,
  useFormatters,
  useReportProblem,
  useTranslation,
} from '@codexion/web';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { convertLead } from '../../core/generated/client/sdk.gen.js';
import { crm } from '../entities.js';
import { useRecordAction } from '../records/use-record-action.js';

export interface ConvertLeadDialogProps {
  id: string;
  record: ResourceRecord;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

interface ConvertResult {
  company?: ResourceRecord;
  deal?: ResourceRecord;
}

/** A company name as a guess from the lead's email domain: `jane@acme-labs.com` → `Acme Labs`. */
function guessCompany(email: unknown): { name: string; domain: string } {
  const domain = typeof email === 'string' ? (email.split('@')[1]?.toLowerCase() ?? '') : '';
  const free = /^(gmail|googlemail|yahoo|hotmail|outlook|icloud|gmx|web|aol|proton(mail)?)\./;
  if (!domain || free.test(domain)) return { name: '', domain: '' };
  const stem = domain.split('.').slice(0, -1).join(' ').replace(/[-_]+/g, ' ');
  return { name: stem.replace(/\b\w/g, (letter) => letter.toUpperCase()), domain };
}

/**
 * Converts a lead (a person without a company): links them to a new or an existing company and
 * opens a deal with them as primary contact, in one call to `convertLead`. The server's field
 * errors (a domain already taken) show on their fields; then the new deal opens.
 *
 * @example
 * <ConvertLeadDialog id={id} record={person} open={open} onOpenChange={setOpen} />
 */
export function ConvertLeadDialog({ id, record, open, onOpenChange }: ConvertLeadDialogProps) {
  const { t } = useTranslation('crm');
  const format = useFormatters();
  const navigate = useNavigate();
  const reportProblem = useReportProblem();
  const convert = useRecordAction<ConvertResult>(['people', 'companies', 'deals']);
  const name = String(record.name ?? record.firstName ?? '');
  const guess = guessCompany(record.email);
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [companyName, setCompanyName] = useState(guess.name);
  const [domain, setDomain] = useState(guess.domain);
  const [companyId, setCompanyId] = useState<string | null>(null);
  // the deal's title follows the company until the user writes one
  const [ownTitle, setOwnTitle] = useState<string>();
  const title = ownTitle ?? t('convert.defaultTitle', { company: companyName.trim() || name });
  const setTitle = setOwnTitle;
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async () => {
    const found: Record<string, string> = {};
    if (mode === 'new' && !companyName.trim()) found.name = t('convert.required');
    if (mode === 'existing' && !companyId) found.companyId = t('convert.required');
    if (!title.trim()) found.title = t('convert.required');
    const value = amount.trim() ? parseDecimal(amount, format.decimalSeparator) : undefined;
    if (amount.trim() && (value === undefined || value < 0)) found.amount = t('convert.badAmount');
    setErrors(found);
    if (Object.keys(found).length) return;
    const digits = currencyDigits(format.currency);
    const body = {
      company:
        mode === 'new'
          ? { name: companyName.trim(), ...(domain.trim() ? { domain: domain.trim().toLowerCase() } : {}) }
          : { companyId: companyId ?? '' },
      deal: {
        title: title.trim(),
        ...(value === undefined
          ? {}
          : { amount: Math.round(value * 10 ** digits), currency: format.currency }),
      },
    };
    try {
      // awaited here, not in mutate callbacks: the refresh that follows turns the lead into a
      // contact and unmounts this dialog before those would run
      const result = await convert.mutateAsync((client) =>
        convertLead({ client, path: { id }, body, throwOnError: true }),
      );
      toast.success(t('convert.done', { name, deal: String(result?.deal?.title ?? title) }));
      onOpenChange(false);
      const dealId = result?.deal?.id;
      if (typeof dealId === 'string')
        navigate(`../../deals/${encodeURIComponent(dealId)}`, { relative: 'path' });
    } catch (problem) {
      if (!(problem instanceof ProblemError) || !problem.errors.length) {
        reportProblem(problem);
        return;
      }
      const placed: Record<string, string> = {};
      for (const issue of problem.errors) {
        // `/body/company/domain` → `domain`, `/body/deal/title` → `title`
        const key = issue.path.split('/').filter(Boolean).pop() ?? 'form';
        placed[key] ??= issue.message;
      }
      setErrors(placed);
    }
  };

  const unplaced = Object.entries(errors).filter(
    ([key]) => !['name', 'domain', 'companyId', 'title', 'amount'].includes(key),
  );
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-lg">
        <DialogForm
          title={t('convert.title', { name })}
          description={t('convert.description', { name })}
          submitLabel={t('convert.submit')}
          busy={convert.isPending}
          onSubmit={() => void submit()}
          onCancel={() => onOpenChange(false)}
        >
          <Tabs value={mode} onValueChange={(value) => setMode(value === 'existing' ? 'existing' : 'new')}>
            <TabsList className="w-full">
              <TabsTrigger value="new" className="flex-1">
                {t('convert.companyNew')}
              </TabsTrigger>
              <TabsTrigger value="existing" className="flex-1">
                {t('convert.companyExisting')}
              </TabsTrigger>
            </TabsList>
          </Tabs>
          {mode === 'new' ? (
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField label={t('convert.companyName')} error={errors.name} required>
                <Input value={companyName} onChange={(event) => setCompanyName(event.target.value)} />
              </FormField>
              <FormField label={t('convert.domain')} error={errors.domain}>
                <Input
                  value={domain}
                  placeholder={t('convert.domainPlaceholder')}
                  onChange={(event) => setDomain(event.target.value)}
                />
              </FormField>
            </div>
          ) : (
            <FormField label={t('convert.existingCompany')} error={errors.companyId} required>
              {(control) => (
                <RelationPicker
                  {...control}
                  className="w-full"
                  target={crm.entity('company')}
                  value={companyId}
                  onValueChange={setCompanyId}
                />
              )}
            </FormField>
          )}
          <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
            <FormField label={t('convert.dealTitle')} error={errors.title} required>
              <Input value={title} onChange={(event) => setTitle(event.target.value)} />
            </FormField>
            <FormField label={`${t('convert.amount')} (${format.currency})`} error={errors.amount}>
              <Input inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} />
            </FormField>
          </div>
          {unplaced.length > 0 && (
            <p role="alert" className="text-danger text-sm">
              {unplaced.map(([, text]) => text).join(' ')}
            </p>
          )}
        </DialogForm>
      </DialogContent>
    </Dialog>
  );
}
