export { besideData } from './beside-data.js';
export { type DemoLogin, type DemoLoginOptions, ensureDemoLogin } from './demo-login.js';
export {
  type DemoOwnerResult,
  demoOwnerEmail,
  demoTenantName,
  ensureDemoOwner,
  readablePassword,
  secondTenant,
} from './demo-owner.js';
export { type HostConfigOptions, type HostFacts, hostConfig } from './host-config.js';
export { findLoginFile, type OwnerLogin, readLoginFile, writeLoginFile } from './login-file.js';
export { localSigningKey, type SigningKeyFacts, signingKeyFile } from './signing-key-file.js';
