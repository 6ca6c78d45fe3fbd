import { Button, Card, CardContent, EmptyState, toast } from '@codexion/resources';
import {
  type ActionDeclaration,
  type FieldModel,
  type FieldText,
  SchemaFieldControl,
  todayIn,
  useActionForm,
  useApi,
  useFormatters,
  usePermissions,
  useTranslation,
} from '@codexion/web';
import { useQueryClient } from '@tanstack/react-query';
import { Lock } from 'lucide-react';
import { useMemo } from 'react';
import { FormProvider } from 'react-hook-form';
import setupCompanyAction from '../../core/actions/setup-company.json' with { type: 'json' };
import { setupCompany } from '../../core/generated/client/sdk.gen.js';
import type { CompanySettings, SetupCompanyData } from '../../core/generated/client/types.gen.js';
import { erp } from '../entities.js';

/** Every ISO 4217 currency the browser knows, by code; a short list when it cannot say. */
function currencyCodes(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
  return known.length > 0 ? [...known].sort() : ['CHF', 'EUR', 'GBP', 'JPY', 'USD'];
}

export interface CompanySetupFormProps {
  /** after the company was set up (the API's queries are refetched already) */
  onDone?: (settings: CompanySettings) => void;
}

/**
 * The company's setup, where the dashboard would be before it: its name, base currency (every
 * ISO 4217 currency, named in the user's language), the first day of its first fiscal year and
 * the default stock valuation, sent with the generated `setupCompany` SDK call. The request schema
 * is checked before sending and the server's field errors land on their fields. Users without
 * `erp:company:setup` are told who can do it instead.
 *
 * @example
 * if (notSetUp) return <CompanySetupForm onDone={() => toast.success('Ready')} />;
 */
export function CompanySetupForm({ onDone }: CompanySetupFormProps) {
  const { t } = useTranslation('erp');
  const { can } = usePermissions();
  if (!can('erp:company:setup')) {
    return <EmptyState icon={<Lock />} title={t('setup.notSetUp')} description={t('setup.notAllowed')} />;
  }
  return <SetupForm {...(onDone === undefined ? {} : { onDone })} />;
}

function SetupForm({ onDone }: CompanySetupFormProps) {
  const { t, i18n } = useTranslation('erp');
  const { client, baseUrl } = useApi();
  const queryClient = useQueryClient();
  const format = useFormatters();
  const codes = useMemo(currencyCodes, []);
  const year = todayIn(format.timeZone).slice(0, 4);
  const initialValues = useMemo(
    () => ({
      baseCurrency: codes.includes(format.currency) ? format.currency : 'EUR',
      fiscalYearStart: `${year}-01-01`,
      defaultValuation: 'moving-average' as const,
    }),
    [codes, format.currency, year],
  );
  const state = useActionForm<SetupCompanyData['body'], CompanySettings>({
    action: setupCompanyAction as ActionDeclaration,
    entity: erp.entity('company-settings'),
    initialValues,
    run: async (body) =>
      (
        await setupCompany({
          client,
          body: { ...body, companyName: body.companyName.trim() },
          throwOnError: true,
        })
      ).data,
    onDone: async (settings) => {
      toast.success(t('setup.done', { name: settings.companyName }));
      // the dashboard, the settings every document reads, the new accounts: all of it is new
      await queryClient.invalidateQueries({ queryKey: [baseUrl] });
      onDone?.(settings);
    },
  });
  const names = useMemo(() => new Intl.DisplayNames([i18n.language], { type: 'currency' }), [i18n.language]);
  // the base currency is picked from the list, not typed: an enum of the codes, each with its name
  const fields = state.fields.map(
    (field): FieldModel =>
      field.name === 'baseCurrency' ? { ...field, widget: 'enum', enumValues: codes } : field,
  );
  const text: FieldText = {
    field: state.text.field,
    option: (field, value) =>
      (typeof field === 'string' ? field : field.name) === 'baseCurrency'
        ? `${value} – ${names.of(value) ?? value}`
        : state.text.option(field, value),
  };
  return (
    <Card className="w-full max-w-2xl">
      <CardContent>
        <FormProvider {...state.form}>
          <form
            noValidate
            aria-label={t('setup.form')}
            className="grid gap-4 sm:grid-cols-2"
            onSubmit={(event) => void state.submit(event)}
          >
            {state.formError && (
              <p role="alert" className="text-destructive text-sm sm:col-span-2">
                {state.formError}
              </p>
            )}
            {fields.map((field) => (
              <SchemaFieldControl
                key={field.path}
                field={field}
                text={text}
                // the server's default is a choice too: no "none"
                required={field.required || field.name === 'defaultValuation'}
              />
            ))}
            <div className="flex justify-end sm:col-span-2">
              <Button type="submit" disabled={state.busy} aria-busy={state.busy}>
                {state.busy ? t('setup.busy') : t('setup.submit')}
              </Button>
            </div>
          </form>
        </FormProvider>
      </CardContent>
    </Card>
  );
}
