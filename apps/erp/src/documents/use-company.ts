import { type ResourceRecord, useAllRecords, useFormatters, useResourceRecord } from '@codexion/web';
import { erp } from '../entities.js';
import type { DocumentEntity } from './document-kinds.js';
import type { LineRecord } from './line-drafts.js';
import type { PreviewContext } from './posting-rows.js';

const everything = { q: '', sort: [], filters: [] };

/**
 * The company settings (read through the generated SDK) and the currency the books are kept in:
 * the settings' `baseCurrency`, the user's currency until they have loaded or when the company is
 * not set up yet.
 */
export function useCompany(): { settings: ResourceRecord | undefined; baseCurrency: string } {
  const format = useFormatters();
  const settings = useAllRecords(erp.entity('company-settings'), everything, { max: 1 }).data?.[0];
  const base = settings?.baseCurrency;
  return {
    settings,
    baseCurrency: typeof base === 'string' && /^[A-Z]{3}$/.test(base) ? base : format.currency,
  };
}

/**
 * What a document's posting preview needs beyond the document: the company's default accounts,
 * the party's own account and the accounts of the items on its lines.
 */
export function usePreviewContext(
  entity: DocumentEntity,
  record: Record<string, unknown>,
  lines: readonly LineRecord[],
): PreviewContext {
  const { settings } = useCompany();
  const partyId = typeof record.partyId === 'string' && record.partyId ? record.partyId : undefined;
  const party = useResourceRecord(erp.entity('party'), partyId).data?.record;
  const itemIds = [
    ...new Set(
      lines.flatMap((line) => (typeof line.itemId === 'string' && line.itemId ? [line.itemId] : [])),
    ),
  ];
  const invoice = entity === 'sales-invoice' || entity === 'purchase-invoice';
  const items = useAllRecords(
    erp.entity('item'),
    { ...everything, filters: [{ field: 'id', op: 'in', value: itemIds.join(',') }] },
    { enabled: invoice && itemIds.length > 0, max: 500 },
  ).data;
  const accountField = entity === 'sales-invoice' ? 'incomeAccountId' : 'expenseAccountId';
  const itemAccounts = Object.fromEntries(
    (items ?? []).flatMap((item) =>
      typeof item[accountField] === 'string' && item[accountField]
        ? [[String(item.id), String(item[accountField])]]
        : [],
    ),
  );
  return {
    settings,
    partyAccountId: typeof party?.accountId === 'string' ? party.accountId : null,
    itemAccounts,
  };
}
