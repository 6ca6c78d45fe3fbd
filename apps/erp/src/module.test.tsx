import '@codexion/web/testing/setup-dom';
import { renderModule } from '@codexion/web/testing';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import manifest from '../core/app.json' with { type: 'json' };
import { erp } from './entities.js';
import module from './module.js';

describe('erp module', () => {
  it('lists parties on the generated list page', async () => {
    renderModule({
      module,
      catalog: erp,
      path: '/parties',
      records: {
        parties: [{ name: 'Nordwind GmbH', kind: 'customer', currency: 'EUR', paymentTermsDays: 30 }],
      },
    });
    expect(await screen.findByText('Nordwind GmbH')).toBeTruthy();
  });

  it('takes its navigation from core/app.json', () => {
    expect(module.nav.map((item) => `/${item.path}`.replace(/^\/\/$/, '/'))).toEqual(
      manifest.nav.map((item) => item.path),
    );
  });
});
