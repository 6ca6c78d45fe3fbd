import type { OpenApiOperation } from '@codexion/schema';
import { describe, expect, it } from 'vitest';
import { authOpenApi } from '../http/framework-apis.js';
import { callers } from './auth-routes.js';

describe('who may call an authentication operation, as its contract says', () => {
  const byId = new Map<string, OpenApiOperation>(
    Object.values(authOpenApi.paths)
      .flatMap((item) => Object.values(item))
      .map((operation) => [operation.operationId, operation]),
  );
  const who = (id: string) => {
    const operation = byId.get(id);
    if (operation === undefined) throw new Error(`no operation ${id}`);
    return callers(operation);
  };

  it('reads it from the security of each operation', () => {
    const table = Object.fromEntries([...byId.keys()].sort().map((id) => [id, who(id)]));
    expect(table).toEqual({
      changePassword: 'user',
      confirmMfa: 'user',
      createApiKey: 'user',
      disableMfa: 'user',
      enrollMfa: 'user',
      finishOidc: 'anyone',
      getJwks: 'anyone',
      getMe: 'credential',
      listApiKeys: 'user',
      listAuthProviders: 'anyone',
      listSessions: 'user',
      login: 'anyone',
      logout: 'handler',
      logoutAll: 'user',
      refresh: 'anyone',
      requestEmailVerification: 'user',
      requestPasswordReset: 'anyone',
      resetPassword: 'anyone',
      revokeApiKey: 'user',
      revokeSession: 'user',
      startOidc: 'anyone',
      switchTenant: 'user',
      verifyEmail: 'anyone',
      verifyMfa: 'anyone',
    });
  });

  it('lets sign-out take the refresh cookie, which only its handler can check', () => {
    expect(byId.get('logout')?.security).toEqual([{ session: [] }, { refreshCookie: [] }, { bearer: [] }]);
    expect(authOpenApi.components.securitySchemes.refreshCookie).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
    });
  });

  it('classifies any requirement the same way', () => {
    const operation = (security?: Record<string, string[]>[]): OpenApiOperation => ({
      operationId: 'x',
      summary: 'x',
      tags: [],
      responses: {},
      ...(security === undefined ? {} : { security }),
    });
    expect(callers(operation())).toBe('anyone');
    expect(callers(operation([{}]))).toBe('anyone');
    expect(callers(operation([{ session: [] }, {}]))).toBe('anyone');
    expect(callers(operation([{ session: [] }, { bearer: [] }]))).toBe('user');
    expect(callers(operation([{ bearer: [] }, { apiKey: [] }]))).toBe('credential');
    expect(callers(operation([{ session: [] }, { refreshCookie: [] }]))).toBe('handler');
  });
});
