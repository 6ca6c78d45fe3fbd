import { Briefcase, Building, CheckSquare, Target } from 'lucide-react';
import type { EntityCatalog } from '../entity/define-entities.js';
import { type AppModule, defineAppModule } from '../module/define-app-module.js';
import { createResourceRoutes } from '../pages/create-resource-routes.js';

/** The sales fixture as an app module: generated pages for every entity. */
export function salesModule(catalog: EntityCatalog, translations?: AppModule['translations']): AppModule {
  return defineAppModule({
    name: 'sales',
    title: 'Sales',
    icon: Briefcase,
    routes: catalog.entities.flatMap((entity) => createResourceRoutes(entity)),
    nav: [
      {
        label: 'Accounts',
        labelKey: 'nav.accounts',
        path: 'accounts',
        icon: Building,
        permission: 'sales:account:read',
      },
      {
        label: 'Opportunities',
        labelKey: 'nav.opportunities',
        path: 'opportunities',
        icon: Target,
        permission: 'sales:opportunity:read',
      },
      {
        label: 'Tasks',
        labelKey: 'nav.tasks',
        path: 'tasks',
        icon: CheckSquare,
        permission: 'sales:task:read',
      },
    ],
    translations,
  });
}
