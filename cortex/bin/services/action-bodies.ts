import type { operations } from '../../core/generated/openapi.js';

type JsonBody<Id extends keyof operations> = operations[Id] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : never;

type JsonAnswer<Id extends keyof operations, Status extends number> = operations[Id] extends {
  responses: { [S in Status]: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

/** `POST /invitations`'s body, as the contract (`core/actions/create-invitation.json`) types it. */
export type CreateInvitationBody = JsonBody<'createInvitation'>;
/** `POST /invitations/accept`'s body. */
export type AcceptInvitationBody = JsonBody<'acceptInvitation'>;
/** `POST /tenants`'s body. */
export type CreateTenantBody = JsonBody<'createTenant'>;
/** `POST /invitations/lookup`'s body: the token. */
export type LookupInvitationBody = JsonBody<'lookupInvitation'>;
/** `POST /invitations/lookup`'s answer. */
export type InvitationLookup = JsonAnswer<'lookupInvitation', 200>;
/** `POST /tenants`'s answer. */
export type CreatedTenant = JsonAnswer<'createTenant', 201>;
/** `GET /system`'s answer. */
export type SystemStatus = JsonAnswer<'getSystem', 200>;
