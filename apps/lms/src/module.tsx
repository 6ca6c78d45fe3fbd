import type { JsonSchema, RuleFile } from '@codexion/schema';
import { createResourceRoutes, defineAppModule, defineEntities } from '@codexion/web';
import { NotebookPen } from 'lucide-react';
import manifest from '../core/app.json' with { type: 'json' };
import { lmsResources } from '../core/generated/client/resources.gen.js';
import noteRules from '../core/rules/note.rules.json' with { type: 'json' };
import note from '../core/schema/note.schema.json' with { type: 'json' };

/** The app's entities for the generated pages: schemas and rules straight from core/. */
export const entities = defineEntities({
  app: 'lms',
  schemas: [note] as JsonSchema[],
  rules: { note: noteRules as unknown as RuleFile },
  // the generated pages call each entity's API through the generated SDK
  operations: lmsResources,
});

/**
 * The Learning module: standalone (src/main.tsx) or mounted by Cortex under /lms/*, which finds
 * it without being told. Its name, title, icon and navigation are core/app.json's; Cortex's search
 * finds the entities with search fields that have a page in that navigation.
 */
export default defineAppModule({
  manifest,
  icons: { 'notebook-pen': NotebookPen },
  routes: entities.entities.flatMap((entity) => createResourceRoutes(entity)),
  entities,
});
