import { describe, expect, it } from 'vitest';
import { placeFieldIssues } from './use-field-errors.js';

describe('placeFieldIssues', () => {
  it('puts body issues on the field they name, the longest match winning, the first message kept', () => {
    const { onFields, elsewhere } = placeFieldIssues(
      [
        { path: '/body/theme/light/primary', code: 'unsafe-value', message: 'may not call env()' },
        { path: '/body/theme/dark/radius', code: 'unknown-token', message: 'is not a token' },
        { path: '/body/permissions/3', code: 'pattern', message: 'is no permission' },
        { path: '/body/permissions/4', code: 'pattern', message: 'second' },
        { path: '/body/other', code: 'x', message: 'not here' },
      ],
      ['theme.dark', 'theme.light.primary', 'permissions'],
    );
    expect(onFields).toEqual({
      'theme.light.primary': 'may not call env()',
      'theme.dark': 'is not a token',
      permissions: 'is no permission',
    });
    expect(elsewhere.map((issue) => issue.path)).toEqual(['/body/other']);
  });

  it('reads query issues for filters', () => {
    expect(
      placeFieldIssues(
        [{ path: '/query/to', code: 'range', message: 'must not be before from' }],
        ['from', 'to'],
        'query',
      ).onFields,
    ).toEqual({ to: 'must not be before from' });
  });
});
