import { auditDiff } from '@codexion/framework/audit';
import { validationFailed } from '@codexion/framework/errors';
import type { PluginContext } from '@codexion/framework/plugins';
import type { ValidationIssue } from '@codexion/schema';
import { eq, sql } from 'drizzle-orm';
import type { TenantSettings, TenantSettingsTheme } from '../../core/generated/client/types.gen.js';
import { tenantSettings } from '../../core/generated/tables.js';
import { auditCortex, auditEntities } from './cortex-audit.js';
import { themeIssues } from './theme-overrides.js';

/** What a tenant has until it saves its own. */
export const defaultSettings: Readonly<TenantSettings> = Object.freeze({
  locale: 'en-US',
  timeZone: 'UTC',
  currency: 'EUR',
  theme: {},
});

const currencies = new Set(Intl.supportedValuesOf('currency'));

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isLocale(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}

/**
 * What the contract's schema cannot say: a real locale, time zone and currency, and a theme of
 * known tokens with safe values. Field paths are JSON Pointers into the request (`/body/…`), as the
 * router's own validation names them.
 *
 * @example
 * settingsIssues({ ...defaultSettings, timeZone: 'Mars/Olympus' }) // [{ path: '/body/timeZone', … }]
 */
export function settingsIssues(settings: TenantSettings): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isLocale(settings.locale)) {
    issues.push({ path: '/body/locale', code: 'locale', message: 'is not a BCP 47 language tag' });
  }
  if (!isTimeZone(settings.timeZone)) {
    issues.push({ path: '/body/timeZone', code: 'time-zone', message: 'is not an IANA time zone' });
  }
  if (!currencies.has(settings.currency)) {
    issues.push({ path: '/body/currency', code: 'currency', message: 'is not an ISO 4217 currency' });
  }
  issues.push(...themeIssues(settings.theme, '/body/theme'));
  return issues;
}

/**
 * The tenant's settings: its row (whose id is the tenant's), else the defaults.
 *
 * @example
 * const { currency } = await readSettings(ctx); // 'EUR' until changed
 */
export async function readSettings(ctx: Pick<PluginContext, 'tx' | 'tenantId'>): Promise<TenantSettings> {
  const [row] = await ctx.tx
    .select({
      locale: tenantSettings.locale,
      timeZone: tenantSettings.timeZone,
      currency: tenantSettings.currency,
      theme: tenantSettings.theme,
    })
    .from(tenantSettings)
    .where(eq(tenantSettings.id, ctx.tenantId));
  if (row === undefined) return { ...defaultSettings, theme: {} };
  return { ...row, theme: (row.theme ?? {}) as TenantSettingsTheme };
}

/**
 * Replaces the tenant's settings after checking them (nothing is written when one fails), and
 * audits what changed.
 *
 * @throws {DomainError} 422 `VALIDATION_FAILED` naming each bad field
 *
 * @example
 * await writeSettings(ctx, { locale: 'de-CH', timeZone: 'Europe/Zurich', currency: 'CHF', theme: {} });
 */
export async function writeSettings(ctx: PluginContext, input: TenantSettings): Promise<TenantSettings> {
  const next: TenantSettings = {
    locale: input.locale,
    timeZone: input.timeZone,
    currency: input.currency,
    theme: {
      ...(input.theme.light === undefined ? {} : { light: input.theme.light }),
      ...(input.theme.dark === undefined ? {} : { dark: input.theme.dark }),
    },
  };
  const issues = settingsIssues(next);
  if (issues.length > 0) throw validationFailed(issues);
  const before = await readSettings(ctx);
  const diff = auditDiff({ ...before }, { ...next });
  if (Object.keys(diff).length === 0) return next;
  const actor = ctx.userId ?? null;
  await ctx.tx
    .insert(tenantSettings)
    .values({ id: ctx.tenantId, tenantId: ctx.tenantId, ...next, createdBy: actor, updatedBy: actor })
    .onConflictDoUpdate({
      target: tenantSettings.id,
      set: {
        ...next,
        updatedBy: actor,
        updatedAt: sql`now()`,
        version: sql`${tenantSettings.version} + 1`,
      },
    });
  await auditCortex(ctx, { action: 'update', entity: auditEntities.settings, recordId: ctx.tenantId, diff });
  return next;
}
