import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startCrm } from './start-crm.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the standalone CRM's origin */
    crmUrl: string;
  }
}

/** Starts the standalone CRM once for every e2e file; stops it when the run ends. */
export default async function setup(project: TestProject) {
  const crm = await startCrm();
  project.provide('crmUrl', crm.url);
  return () => crm.stop();
}
