import type { Db } from '../data/database.js';
import { validationFailed } from '../errors/domain-error.js';
import { formatDocumentNumber } from '../numbering/format-document-number.js';
import { createNumbering } from '../numbering/numbering.js';
import type { EntityPlan } from './entity-plan.js';
import type { ApiRecord } from './row-mapping.js';

const numbering = createNumbering();

/**
 * The record a transition to `to` stores, with its document number (`x-codexion.number`) when `to`
 * is the number's `onState` and the record has none yet: the next number of the series, taken in
 * `tx` (gapless: a transition that fails later gives it back), formatted into `field`. A record
 * that already has one keeps it (a document reopened and posted again is not renumbered).
 *
 * @throws {DomainError} `VALIDATION_FAILED` at `/<dateField>` when a yearly series has no date to take the year from
 *
 * @example
 * await assignDocumentNumber(plan, tx, tenantId, { ...draft, status: 'posted' }, 'posted')
 * // { ...draft, status: 'posted', number: 'SINV-2026-00001' }
 */
export async function assignDocumentNumber(
  plan: EntityPlan,
  tx: Db,
  tenantId: string,
  record: ApiRecord,
  to: string,
): Promise<ApiRecord> {
  const number = plan.entity.annotations.number;
  if (number === undefined || number.onState !== to) return record;
  const current = record[number.field];
  if (typeof current === 'string' && current !== '') return record;
  let scope = '';
  if (number.scope === 'year') {
    const dateField = number.dateField ?? '';
    const date = record[dateField];
    const year = typeof date === 'string' ? /^(\d{4})-/.exec(date)?.[1] : undefined;
    if (year === undefined) {
      throw validationFailed([
        { path: `/${dateField}`, code: 'required', message: `is needed to number the record in "${to}"` },
      ]);
    }
    scope = year;
  }
  const seq = await numbering.inTransaction({ tx, tenantId }).next(number.series, scope);
  return {
    ...record,
    [number.field]: formatDocumentNumber(number.format, { series: number.series, scope, seq }),
  };
}
