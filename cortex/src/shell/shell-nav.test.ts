import { defineAppModule } from '@codexion/web';
import { describe, expect, it } from 'vitest';
import { addModuleTranslations, createCortexI18n } from './create-cortex-i18n.js';
import { activeHref, moduleNav } from './shell-nav.js';

describe('the navigation of a module in the shell', () => {
  const module = defineAppModule({
    manifest: {
      name: 'crm',
      title: 'CRM',
      nav: [
        { label: 'Dashboard', path: '/', permission: 'crm:deal:read' },
        { label: 'Deals', path: '/deals', permission: 'crm:deal:read' },
        { label: 'Settings', path: '/settings', permission: 'crm:pipeline:update' },
        { label: 'Help', path: '/help' },
      ],
    },
    routes: [{ index: true }, { path: 'deals' }, { path: 'settings' }, { path: 'help' }],
    translations: { de: { title: 'Vertrieb', nav: { deals: 'Geschäfte' } } },
  });

  it('keeps the entries the session may open, translated, under /<module>', () => {
    const i18n = createCortexI18n('de-DE');
    addModuleTranslations(i18n, module);
    const section = moduleNav(i18n, module, (permission) => permission === 'crm:deal:read');
    expect(section.title).toBe('Vertrieb');
    expect(section.entries.map((entry) => [entry.label, entry.href])).toEqual([
      ['Dashboard', '/crm'],
      ['Geschäfte', '/crm/deals'],
      ['Help', '/crm/help'],
    ]);
  });

  it('marks the most specific entry of the current page, a module home only on itself', () => {
    const hrefs = ['/', '/crm', '/crm/deals', '/crm/deals/board', '/admin/users'];
    expect(activeHref(hrefs, '/')).toBe('/');
    expect(activeHref(hrefs, '/crm')).toBe('/crm');
    expect(activeHref(hrefs, '/crm/deals/123')).toBe('/crm/deals');
    expect(activeHref(hrefs, '/crm/deals/board/')).toBe('/crm/deals/board');
    expect(activeHref(hrefs, '/crm/companies')).toBeUndefined();
    expect(activeHref(hrefs, '/admin/users/7')).toBe('/admin/users');
  });
});
