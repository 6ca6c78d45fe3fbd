import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Breadcrumbs } from './breadcrumbs.js';

describe('Breadcrumbs', () => {
  it('links every step but the last, which is the current page', () => {
    render(
      <Breadcrumbs
        items={[
          { label: 'CRM', href: '/crm' },
          { label: 'Deals', href: '/crm/deals' },
          { label: 'Acme renewal' },
        ]}
        renderLink={({ href, ...props }) => <a href={`/app${href}`} {...props} />}
      />,
    );
    const nav = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(screen.getByRole('link', { name: 'Deals' }).getAttribute('href')).toBe('/app/crm/deals');
    expect(screen.queryByRole('link', { name: 'Acme renewal' })).toBeNull();
    expect(screen.getByText('Acme renewal').getAttribute('aria-current')).toBe('page');
    expect(nav.querySelectorAll('[data-slot="breadcrumb-item"]')).toHaveLength(3);
  });
});
