import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startCrm } from './start-crm.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the standalone CRM's origin */
    crmUrl: string;
    /** the demo owner the standalone CRM made on its first boot, as it printed it */
    crmOwner: { email: string; password: string };
  }
}

/** Starts the standalone CRM once for every e2e file; stops it when the run ends. */
export default async function setup(project: TestProject) {
  const crm = await startCrm();
  project.provide('crmUrl', crm.url);
  project.provide('crmOwner', crm.owner);
  return () => crm.stop();
}
