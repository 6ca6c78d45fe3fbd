// @codexion/framework/identity: users, sessions, tokens, API keys and OIDC (docs/adr/0024)
export { auditEntryOf, auditLogRecorder } from './auth-audit.js';
export { apiKeyHeader, type Principal } from './authenticator.js';
export {
  createIdentity,
  type HttpAuth,
  type Identity,
  type IdentityOptions,
  IdentityToken,
} from './create-identity.js';
export { csrfHeader } from './csrf-guard.js';
export {
  createEmailTransport,
  type DevEmailTransport,
  devEmailTransport,
  type EmailMessage,
  type EmailTransport,
  smtpEmailTransport,
} from './email-transport.js';
export type { IdentityContext } from './identity-context.js';
export {
  type AccessResolver,
  type AuthEvent,
  type AuthEventAction,
  type AuthEventRecorder,
  type DefaultTenantResolver,
  noTenancy,
  requireAccess,
  type TenancyPort,
  type TenantAccess,
} from './identity-ports.js';
export { type IdentitySettings, identitySettings } from './identity-settings.js';
export { type CreateUserInput, createUser, setUserStatus, userByEmail } from './user-service.js';
export { type PublicUser, publicUser } from './user-store.js';
