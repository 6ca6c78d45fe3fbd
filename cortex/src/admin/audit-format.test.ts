import type { AuditEntry } from '@codexion/contracts/audit/types';
import { describe, expect, it } from 'vitest';
import { brokenLinkOf, formatAuditValue } from './audit-format.js';

function entry(seq: number, prevHash: string, hash: string): AuditEntry {
  return {
    tenantId: 't',
    seq,
    at: '2025-01-01T00:00:00Z',
    actorType: 'system',
    actor: 'system',
    action: 'update',
    entity: null,
    recordId: null,
    diff: null,
    requestId: null,
    metadata: null,
    prevHash,
    hash,
  };
}

describe('audit format', () => {
  it('finds the first entry that does not point at its loaded predecessor', () => {
    expect(brokenLinkOf([entry(3, 'b', 'c'), entry(2, 'a', 'b'), entry(1, '0', 'a')])).toBeUndefined();
    expect(brokenLinkOf([entry(3, 'x', 'c'), entry(2, 'a', 'b'), entry(1, '0', 'a')])).toBe(3);
    // a gap (a filtered page) is no break: the predecessor is not there to compare
    expect(brokenLinkOf([entry(7, 'x', 'c'), entry(2, 'a', 'b')])).toBeUndefined();
  });

  it('writes values as text', () => {
    expect(formatAuditValue(undefined)).toBe('—');
    expect(formatAuditValue('Acme')).toBe('Acme');
    expect(formatAuditValue(250)).toBe('250');
    expect(formatAuditValue({ a: 1 })).toBe('{"a":1}');
  });
});
