import { Briefcase, Building, CheckSquare, Target } from 'lucide-react';
import type { EntityCatalog } from '../entity/define-entities.js';
import { type AppModule, defineAppModule, type ModuleManifest } from '../module/define-app-module.js';
import { createResourceRoutes } from '../pages/create-resource-routes.js';

/** What the sales fixture's `core/app.json` would say of its module. */
export const salesManifest: ModuleManifest = {
  name: 'sales',
  title: 'Sales',
  icon: 'briefcase',
  nav: [
    { label: 'Accounts', path: '/accounts', icon: 'building', permission: 'sales:account:read' },
    { label: 'Opportunities', path: '/opportunities', icon: 'target', permission: 'sales:opportunity:read' },
    { label: 'Tasks', path: '/tasks', icon: 'check-square', permission: 'sales:task:read' },
  ],
};

/** The sales fixture as an app module: generated pages for every entity. */
export function salesModule(catalog: EntityCatalog, translations?: AppModule['translations']): AppModule {
  return defineAppModule({
    manifest: salesManifest,
    icons: { briefcase: Briefcase, building: Building, target: Target, 'check-square': CheckSquare },
    routes: catalog.entities.flatMap((entity) => createResourceRoutes(entity)),
    entities: catalog,
    translations,
  });
}
