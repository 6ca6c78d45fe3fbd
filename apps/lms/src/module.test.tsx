import '@codexion/web/testing/setup-dom';
import { renderModule } from '@codexion/web/testing';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import manifest from '../core/app.json' with { type: 'json' };
import module, { entities } from './module.js';

describe('lms module', () => {
  it('lists courses on the generated list page', async () => {
    renderModule({
      module,
      catalog: entities,
      path: '/courses',
      records: { courses: [{ title: 'Python basics', code: 'PY-101', status: 'draft' }] },
    });
    expect(await screen.findByText('Python basics')).toBeTruthy();
  });

  it('takes its navigation from core/app.json and searches what it navigates to', () => {
    expect(module.nav.map((item) => `/${item.path}`)).toEqual(manifest.nav.map((item) => item.path));
    expect(module.search?.map((entity) => entity.name)).toEqual(['course', 'assignment', 'quiz', 'question']);
  });
});
