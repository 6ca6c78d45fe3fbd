import type { JsonSchema, RuleFile } from '@codexion/schema';
import { createResourceRoutes, defineAppModule, defineEntities } from '@codexion/web';
import { NotebookPen } from 'lucide-react';
import noteRules from '../core/rules/note.rules.json' with { type: 'json' };
import note from '../core/schema/note.schema.json' with { type: 'json' };

/** The app's entities for the generated pages: schemas and rules straight from core/. */
export const entities = defineEntities({
  app: '{{name}}',
  schemas: [note] as JsonSchema[],
  rules: { note: noteRules as unknown as RuleFile },
});

/** The {{title}} module: standalone (src/main.tsx) or mounted by Cortex under /{{name}}/*. */
export default defineAppModule({
  name: '{{name}}',
  title: '{{title}}',
  icon: NotebookPen,
  routes: entities.entities.flatMap((entity) => createResourceRoutes(entity)),
  nav: [{ label: 'Notes', path: 'notes', icon: NotebookPen, permission: '{{name}}:note:read' }],
});
