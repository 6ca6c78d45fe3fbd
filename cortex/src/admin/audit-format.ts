import type { AuditEntry } from '@codexion/contracts/audit/types';
import { usePermissions, useTranslation } from '@codexion/web';
import { useCallback } from 'react';
import { useMembers } from './admin-queries.js';

/**
 * An audit value as text: `—` for none, strings as they are, anything else as JSON.
 *
 * @example
 * formatAuditValue({ amount: 5 }) // '{"amount":5}'
 */
export function formatAuditValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * Whether each entry whose predecessor in the chain is loaded too points at that predecessor's
 * hash. The first break's `seq` when one does not; what the server's `prefiq audit verify`
 * checks in full (every hash recomputed), this checks only for the links at hand.
 *
 * @example
 * brokenLinkOf(entries) // undefined when every loaded link holds
 */
export function brokenLinkOf(entries: readonly AuditEntry[]): number | undefined {
  const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    const previous = bySeq.get(entry.seq - 1);
    if (previous !== undefined && previous.hash !== entry.prevHash) return entry.seq;
  }
  return undefined;
}

/**
 * Who an audit entry's actor is: a member's name when the session may list the members, else
 * the id as recorded; the server itself is "System".
 *
 * @example
 * const actorName = useActorName();
 * actorName(entry) // 'Ada Lovelace'
 */
export function useActorName(): (entry: Pick<AuditEntry, 'actor' | 'actorType'>) => string {
  const { t } = useTranslation('admin');
  const { can } = usePermissions();
  const members = useMembers(can('prefiq:member:read'));
  return useCallback(
    (entry) =>
      entry.actorType === 'system'
        ? t('audit.system')
        : (members.data?.items.find((member) => member.userId === entry.actor)?.name ?? entry.actor),
    [members.data, t],
  );
}
