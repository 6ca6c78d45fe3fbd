import type { ApiClients } from '@codexion/web';
import { client as cortexApi } from '../../core/generated/client/client.gen.js';
import {
  acceptInvitation as accept,
  lookupInvitation as lookup,
} from '../../core/generated/client/sdk.gen.js';

/** `POST /api/cortex/invitations/lookup`: what an invitation link is for. */
export interface InvitationLookup {
  email: string;
  tenantName: string;
  role: string;
  expiresAt: string;
  existingUser: boolean;
  /** the tenant to start in after accepting, when the server says */
  tenantId?: string;
}

/**
 * What an invitation link is for (`POST /api/cortex/invitations/lookup` with the token in the body,
 * never in a URL), public.
 *
 * @throws {ProblemError} 404/410 unknown, used or expired token
 * @example
 * const { tenantName, existingUser } = await lookupInvitation(clientFor, token);
 */
export async function lookupInvitation(clientFor: ApiClients, token: string): Promise<InvitationLookup> {
  const { data } = await lookup({ client: clientFor(cortexApi), body: { token }, throwOnError: true });
  return data;
}

/**
 * Accepts an invitation (`POST /api/cortex/invitations/accept`): a new user is created with the name
 * and password, an existing one proves the password.
 *
 * @throws {ProblemError} 422 with field paths (`/body/password`), 401 wrong password, 404/410 stale token
 * @example
 * await acceptInvitation(clientFor, { token, name: 'Jane Doe', password });
 */
export async function acceptInvitation(
  clientFor: ApiClients,
  body: { token: string; name?: string; password: string },
): Promise<void> {
  await accept({ client: clientFor(cortexApi), body, throwOnError: true });
}
