export { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from './data/test-database.js';
export { ensureTestTenant, type TestMember } from './data/test-tenant.js';
export { noServices } from './foundation/services.js';
