import { useAllRecords, useFormatters } from '@codexion/web';
import { erp } from '../entities.js';

const settingsQuery = { q: '', sort: [], filters: [] };

/**
 * The currency the books are kept in (the company settings' `baseCurrency`, read through the
 * generated SDK), the user's currency until the settings have loaded or when the company is not
 * set up yet.
 */
export function useBaseCurrency(): string {
  const format = useFormatters();
  const settings = useAllRecords(erp.entity('company-settings'), settingsQuery, { max: 1 });
  const base = settings.data?.[0]?.baseCurrency;
  return typeof base === 'string' && /^[A-Z]{3}$/.test(base) ? base : format.currency;
}
