// @codexion/framework/audit: the hash-chained audit log (docs/adr/0024)
export { type AuditDiffOptions, auditDiff, type FieldMask, maskedValue } from './audit-diff.js';
export {
  type AuditAction,
  type AuditActor,
  type AuditActorType,
  type AuditDiff,
  type AuditEntry,
  type AuditFieldChange,
  type AuditRecord,
  genesisHash,
  platformTenantId,
  systemActor,
} from './audit-entry.js';
export { type AuditRowContent, auditHash, canonicalAuditRow } from './audit-hash.js';
export { auditLog } from './audit-log-table.js';
export { auditReadPermission } from './audit-read-permission.js';
export { type AuditHttpPluginOptions, auditHttpPlugin } from './audit-routes.js';
export { piiMask, type SchemaResolver } from './pii-mask.js';
export { type AuditLogPage, type AuditLogQuery, readAuditLog } from './read-audit-log.js';
export { recordAudit } from './record-audit.js';
export {
  type AuditSealEvent,
  type AuditSealListener,
  type SealOptions,
  sealAuditLog,
  watchAuditSealing,
} from './seal-audit-log.js';
export {
  describeStuckAuditChains,
  type StuckAuditChain,
  stuckAuditChains,
} from './stuck-audit-chains.js';
export {
  type AuditChainProblem,
  type AuditChainReport,
  type AuditVerification,
  type VerifyAuditChainOptions,
  verifyAuditChain,
} from './verify-audit-chain.js';
