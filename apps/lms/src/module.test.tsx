import '@codexion/web/testing/setup-dom';
import { renderModule } from '@codexion/web/testing';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import manifest from '../core/app.json' with { type: 'json' };
import module, { entities } from './module.js';

describe('lms module', () => {
  it('lists notes on the generated list page', async () => {
    renderModule({
      module,
      catalog: entities,
      path: '/notes',
      records: { notes: [{ title: 'Hello', status: 'draft' }] },
    });
    expect(await screen.findByText('Hello')).toBeTruthy();
  });

  it('takes its navigation from core/app.json and searches its notes', () => {
    expect(module.nav.map((item) => `/${item.path}`)).toEqual(manifest.nav.map((item) => item.path));
    expect(module.search?.map((entity) => entity.name)).toEqual(['note']);
  });
});
