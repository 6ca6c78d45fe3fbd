import { describe, expect, it } from 'vitest';
import { placeIssues, resolverErrors } from './use-schema-form.js';

const issue = (path: string, message = 'is invalid') => ({ path, code: 'invalid', message });

describe('placeIssues', () => {
  it('keeps the full path of an issue inside a JSON field, and returns one on no field', () => {
    const { onFields, elsewhere } = placeIssues(
      [issue('/body/lines/2/qty'), issue('/lines'), issue('/address/zip'), issue('/other/1')],
      new Set(['lines', 'address', 'address.city']),
      new Set(['lines']),
    );
    expect([...onFields.keys()]).toEqual(['lines.2.qty', 'lines']);
    // an embedded object is no container: a part the form does not show is said elsewhere
    expect(elsewhere.map((i) => i.path)).toEqual(['/address/zip', '/other/1']);
  });

  it('leaves nested issues elsewhere without containers, as before', () => {
    const { onFields, elsewhere } = placeIssues([issue('/lines/0/debit')], new Set(['lines']));
    expect(onFields.size).toBe(0);
    expect(elsewhere).toHaveLength(1);
  });
});

describe('resolverErrors', () => {
  it('nests the error of a line cell under its field', () => {
    expect(
      resolverErrors([issue('/lines/1/debit', 'must be ≥ 0')], new Set(['lines']), new Set(['lines'])),
    ).toEqual({ lines: { 1: { debit: { type: 'invalid', message: 'must be ≥ 0' } } } });
  });

  it('keeps an issue on a JSON field and one inside it, in either order', () => {
    const issues = [issue('/lines/0/qty', 'must be integer'), issue('/lines', 'must balance')];
    const paths = new Set(['lines']);
    for (const ordered of [issues, [...issues].reverse()]) {
      expect(resolverErrors(ordered, paths, paths)).toEqual({
        lines: {
          type: 'invalid',
          message: 'must balance',
          0: { qty: { type: 'invalid', message: 'must be integer' } },
        },
      });
    }
  });
});
