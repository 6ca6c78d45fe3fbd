export { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from './data/test-database.js';
