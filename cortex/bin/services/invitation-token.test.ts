import { describe, expect, it } from 'vitest';
import { newInvitationToken, parseInvitationToken } from './invitation-token.js';

const tenantId = '0a0a0a0a-0000-4000-8000-00000000000a';

describe('invitation tokens', () => {
  it('name their tenant, keep only the hash of 32 random bytes, and parse back', () => {
    const { token, hash } = newInvitationToken(tenantId.toUpperCase());
    expect(token).toMatch(/^0a0a0a0a-0000-4000-8000-00000000000a\.[A-Za-z0-9_-]{43}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(token).not.toContain(hash);
    expect(parseInvitationToken(` ${token} `)).toEqual({ tenantId, hash });
    expect(newInvitationToken(tenantId).token).not.toBe(token);
  });

  it.each([
    '',
    'nonsense',
    `${tenantId}.short`,
    `not-a-uuid.${'a'.repeat(43)}`,
    `${tenantId}.${'a'.repeat(42)}!`,
  ])('refuses %j', (token) => {
    expect(parseInvitationToken(token)).toBeUndefined();
  });
});
