/**
 * Test helpers for apps' `src/` tests: an in-memory API that speaks the Codexion contract and a
 * renderer for a module on it. Not part of the runtime API.
 */

export { clearDocumentCookies, setDocumentCookie } from './testing/document-cookies.js';
export {
  createFakeApi,
  type FakeApi,
  type FakeApiOptions,
  type FakeRoute,
  type FakeRouteRequest,
  fakeId,
} from './testing/fake-api.js';
export { fakeResourceOperations, fakeSdkCall } from './testing/fake-resource-operations.js';
export { type FetchInput, readFetchInput } from './testing/read-fetch-input.js';
export { type RenderModuleOptions, renderModule } from './testing/render-module.js';
