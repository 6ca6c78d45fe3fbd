export { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from './data/test-database.js';
export { ensureTestTenant, type TestMember } from './data/test-tenant.js';
export { noServices } from './foundation/services.js';
export {
  type AppAnswer,
  type AppCallOptions,
  type AppKernelOptions,
  type AppKernelUnderTest,
  appKernelUnderTest,
} from './kernel/app-kernel-under-test.js';
export { frameworkMigrations } from './kernel/framework-migrations.js';
export { responseValidator } from './kernel/response-validator.js';
