// @codexion/framework/resources: the resource engine, its hook contract and helpers (docs/adr/0024)
export type { AppResource, ServerFields } from './app-resource.js';
export { formatEtag, ifMatchHolds } from './etag.js';
export { applyMergePatch } from './merge-patch.js';
export {
  firstRank,
  type RankedList,
  type RankPlacement,
  rankAtPosition,
  rankBetween,
  rankDigits,
} from './rank-keys.js';
export { maskedText } from './record-access.js';
export { auditActorOf } from './resource-audit.js';
export type { ResourceContext } from './resource-context.js';
export {
  createResourceEngine,
  type Resource,
  type ResourceEngine,
  type ResourceEngineOptions,
} from './resource-engine.js';
export { resourceContext, resourceHandlers } from './resource-routes.js';
