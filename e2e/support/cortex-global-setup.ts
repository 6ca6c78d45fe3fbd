import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { type Credentials, startCortexForE2e } from './cortex-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Cortex's origin: the shell at `/`, the APIs under `/api` */
    cortexUrl: string;
    /** the owner account Cortex's first boot created */
    cortexOwner: Credentials;
  }
}

/** Starts Cortex (and its test OpenID provider) once for every e2e file; stops both when the run ends. */
export default async function setup(project: TestProject) {
  const cortex = await startCortexForE2e();
  console.log(`cortex e2e: ready at ${cortex.url} in ${(cortex.bootMs / 1000).toFixed(1)} s`);
  project.provide('cortexUrl', cortex.url);
  project.provide('cortexOwner', cortex.owner);
  return () => cortex.stop();
}
