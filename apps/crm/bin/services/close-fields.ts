/** The fields of a deal that say whether and how it closed. */
export interface CloseInputs {
  status?: string | undefined;
  closedAt?: string | null | undefined;
  lostReason?: string | null | undefined;
}

/**
 * `closedAt` and `lostReason` after a write: set `closedAt` to `now` when the deal closes (won or
 * lost, on create or by a transition) and has none, clear both when it reopens, leave them alone
 * otherwise (a closed deal's `closedAt` may be corrected by hand). The rules then hold that a
 * closed deal has a close time and an open one has none.
 *
 * @example
 * closeFields({ status: 'won', closedAt: null }, { status: 'open' }, '2026-11-23T10:00:00.000Z')
 * // { closedAt: '2026-11-23T10:00:00.000Z' }
 */
export function closeFields(
  next: CloseInputs,
  previous: CloseInputs | undefined,
  now: string,
): { closedAt?: string | null; lostReason?: null } {
  const closed = next.status === 'won' || next.status === 'lost';
  const changed = previous === undefined || next.status !== previous.status;
  if (!changed) return {};
  if (closed) return next.closedAt ? {} : { closedAt: now };
  if (previous !== undefined && previous.status !== 'open') return { closedAt: null, lostReason: null };
  return {};
}
