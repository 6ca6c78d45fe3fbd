import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiProvider, useApi } from './api-provider.js';

function BaseUrl() {
  return <p>{useApi().baseUrl}</p>;
}

describe('ApiProvider', () => {
  it('points generated hey-api clients at the base URL with the session cookie', () => {
    const setConfig = vi.fn();
    render(
      <ApiProvider baseUrl="/api/sales" clients={[{ setConfig }]}>
        <BaseUrl />
      </ApiProvider>,
    );
    expect(setConfig).toHaveBeenCalledWith({ baseUrl: '/api/sales', credentials: 'include' });
    expect(screen.getByText('/api/sales')).toBeTruthy();
  });
});
