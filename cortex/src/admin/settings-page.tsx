import { getTenant } from '@codexion/contracts/tenancy/client';
import type { Tenant } from '@codexion/contracts/tenancy/types';
import { Button, Combobox, type ComboboxOption, FormField, Input, toast } from '@codexion/resources';
import { PageHeader, useFieldErrors, usePermissions, useTranslation } from '@codexion/web';
import { useMutation } from '@tanstack/react-query';
import { RotateCcw } from 'lucide-react';
import { type FormEvent, useMemo, useState } from 'react';
import { getSettings, updateSettings } from '../../core/generated/client/sdk.gen.js';
import type { TenantSettings } from '../../core/generated/client/types.gen.js';
import { useSession } from '../shell/session-context.js';
import { useAdminClients, useAdminQuery, useInvalidateAdmin } from './admin-queries.js';
import { QueryState } from './query-state.js';
import { SectionCard } from './section-card.js';
import { SelectField } from './select-field.js';
import { ThemeEditor } from './theme-editor.js';
import { cleanTheme, themeLayer, themeRoleGroups } from './theme-tokens.js';
import { useRenameTenant } from './use-rename-tenant.js';

/** The locales the console formats for (its own texts are in English and German). */
const locales = [
  'en-US',
  'en-GB',
  'de-DE',
  'de-AT',
  'de-CH',
  'fr-FR',
  'es-ES',
  'it-IT',
  'nl-NL',
  'pl-PL',
  'pt-BR',
  'sv-SE',
];

const settingsFields = [
  'locale',
  'timeZone',
  'currency',
  'theme',
  'theme.light',
  'theme.dark',
  ...(['light', 'dark'] as const).flatMap((mode) =>
    [...themeRoleGroups.flatMap((group) => group.roles), 'radius'].map((role) => `theme.${mode}.${role}`),
  ),
];

/** Names codes in the user's language (`CHF` → Swiss Franc); the code itself where Intl has no name. */
function namer(type: 'language' | 'currency', language: string): (code: string) => string {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([language], { type });
  } catch {
    names = undefined;
  }
  return (code) => {
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  };
}

function timeZoneOptions(current: string): ComboboxOption[] {
  const zones = new Set(['UTC', ...Intl.supportedValuesOf('timeZone'), current]);
  return [...zones].map((zone) => ({ value: zone, label: zone.replaceAll('_', ' '), keywords: [zone] }));
}

function currencyOptions(current: string, language: string): ComboboxOption[] {
  const codes = new Set([...Intl.supportedValuesOf('currency'), current]);
  const nameOf = namer('currency', language);
  return [...codes].map((code) => ({
    value: code,
    label: `${code} · ${nameOf(code)}`,
    keywords: [code],
  }));
}

function SettingsForm({ settings, tenant }: { settings: TenantSettings; tenant: Tenant }) {
  const { t, i18n } = useTranslation('admin');
  const { can } = usePermissions();
  const { cortex } = useAdminClients();
  const session = useSession();
  const invalidate = useInvalidateAdmin();
  const { mutation: rename, fieldErrors: nameErrors } = useRenameTenant();
  const fieldErrors = useFieldErrors(settingsFields);
  const [name, setName] = useState(tenant.name);
  const [locale, setLocale] = useState(settings.locale);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [currency, setCurrency] = useState(settings.currency);
  const [theme, setTheme] = useState<TenantSettings['theme']>(settings.theme);
  const editable = can('cortex:setting:update');
  const language = i18n.language;
  const zones = useMemo(() => timeZoneOptions(settings.timeZone), [settings.timeZone]);
  const currencies = useMemo(
    () => currencyOptions(settings.currency, language),
    [settings.currency, language],
  );
  const localeList = locales.includes(settings.locale) ? locales : [settings.locale, ...locales];
  const languageName = useMemo(() => namer('language', language), [language]);

  const save = useMutation({
    mutationFn: async (body: TenantSettings) =>
      (await updateSettings({ client: cortex, body, throwOnError: true })).data,
    onSuccess: async (saved) => {
      fieldErrors.clear();
      setTheme(saved.theme);
      toast.success(t('settings.saved'));
      await Promise.all([invalidate('settings'), session.refresh()]);
    },
    onError: fieldErrors.report,
  });

  const themeInvalid = (['light', 'dark'] as const).some(
    (mode) => Object.keys(themeLayer(mode, theme[mode] ?? {}).invalid).length > 0,
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (themeInvalid) {
      toast.error(t('settings.theme.fixFirst'));
      return;
    }
    const trimmed = name.trim();
    if (can('prefiq:tenant:update') && trimmed !== tenant.name) {
      if (trimmed === '') {
        nameErrors.set('name', t('common.required'));
        return;
      }
      try {
        await rename.mutateAsync(trimmed);
      } catch (error) {
        nameErrors.report(error);
        return;
      }
    }
    if (editable) save.mutate({ locale, timeZone, currency, theme: cleanTheme(theme) });
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="grid gap-6">
      <SectionCard
        title={t('settings.general')}
        description={t('settings.generalDescription')}
        contentClassName="grid gap-4 md:grid-cols-2"
      >
        <FormField label={t('settings.tenantName')} error={nameErrors.errors.name} required>
          <Input
            value={name}
            readOnly={!can('prefiq:tenant:update')}
            onChange={(event) => setName(event.target.value)}
          />
        </FormField>
        <SelectField
          label={t('settings.locale')}
          value={locale}
          onValueChange={setLocale}
          options={localeList.map((code) => ({ value: code, label: `${languageName(code)} (${code})` }))}
          error={fieldErrors.errors.locale}
          disabled={!editable}
        />
        <FormField label={t('settings.timeZone')} error={fieldErrors.errors.timeZone}>
          <Combobox
            className="w-full"
            value={timeZone}
            options={zones}
            disabled={!editable}
            searchPlaceholder={t('settings.searchTimeZone')}
            onValueChange={(zone) => setTimeZone(zone ?? settings.timeZone)}
          />
        </FormField>
        <FormField label={t('settings.currency')} error={fieldErrors.errors.currency}>
          <Combobox
            className="w-full"
            value={currency}
            options={currencies}
            disabled={!editable}
            searchPlaceholder={t('settings.searchCurrency')}
            onValueChange={(code) => setCurrency(code ?? settings.currency)}
          />
        </FormField>
      </SectionCard>
      <SectionCard title={t('settings.theme.title')} description={t('settings.theme.description')}>
        <ThemeEditor value={theme} onChange={setTheme} errors={fieldErrors.errors} readOnly={!editable} />
      </SectionCard>
      {(editable || can('prefiq:tenant:update')) && (
        <div className="flex flex-wrap justify-end gap-2">
          {editable && (
            <Button variant="outline" onClick={() => setTheme({})}>
              <RotateCcw aria-hidden="true" />
              {t('settings.theme.reset')}
            </Button>
          )}
          <Button type="submit" loading={save.isPending || rename.isPending}>
            {t('settings.save')}
          </Button>
        </div>
      )}
    </form>
  );
}

/**
 * The tenant's settings: its name, locale, time zone and currency, and its theme (token
 * overrides for light and dark with a live preview), saved together.
 */
export function SettingsPage() {
  const { t } = useTranslation('admin');
  const settings = useAdminQuery('settings', ({ cortex }, signal) =>
    getSettings({ client: cortex, signal, throwOnError: true }),
  );
  const tenant = useAdminQuery('tenant', ({ tenancy }, signal) =>
    getTenant({ client: tenancy, signal, throwOnError: true }),
  );
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      {settings.data === undefined || tenant.data === undefined ? (
        <QueryState query={settings.data === undefined ? settings : tenant} className="h-64" />
      ) : (
        <SettingsForm settings={settings.data} tenant={tenant.data} />
      )}
    </div>
  );
}
