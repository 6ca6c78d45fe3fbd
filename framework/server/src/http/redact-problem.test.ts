import type { JsonSchema } from '@codexion/schema';
import { describe, expect, it } from 'vitest';
import type { ProblemDocument } from './problem.js';
import { personalValues, redactProblem } from './redact-problem.js';

const schemas: Record<string, JsonSchema> = {
  Phone: { type: 'object', properties: { number: { type: 'string', 'x-codexion': { pii: true } } } },
  Person: {
    type: 'object',
    properties: {
      email: { type: 'string', 'x-codexion': { pii: true } },
      phones: { type: 'array', items: { $ref: '#/components/schemas/Phone' } },
      note: { type: 'string' },
    },
  },
};
const resolve = (ref: string) => schemas[ref.replace('#/components/schemas/', '')];
const convert: JsonSchema = {
  type: 'object',
  properties: {
    person: { $ref: '#/components/schemas/Person' },
    company: { oneOf: [{ type: 'object', properties: { name: { type: 'string' } } }] },
  },
};

describe('personalValues', () => {
  it("finds the body's values its schema tags as personal, through $ref, items and branches", () => {
    const body = {
      person: { email: 'ann@pii.example', phones: [{ number: '+49 30 1234' }], note: 'call her' },
      company: { name: 'Pied Piper' },
    };
    expect(personalValues(body, convert, resolve)).toEqual(['ann@pii.example', '+49 30 1234']);
  });
});

describe('redactProblem', () => {
  const problem = (extra: Partial<ProblemDocument>): ProblemDocument => ({
    type: 'about:blank',
    title: 'Conflict',
    status: 409,
    detail: '',
    code: 'CONFLICT',
    errors: [],
    ...extra,
  });

  it('masks each value wherever the problem repeats it, whole words only', () => {
    const redacted = redactProblem(
      problem({
        detail: 'ann@pii.example is taken; Ann checked deeper',
        errors: [{ path: '/body/email', code: 'unique', message: 'ann@pii.example is taken' }],
        existing: { email: 'ann@pii.example', name: 'Pied Piper' },
      }),
      ['ann@pii.example', 'Ann', 'deep'],
    );
    expect(redacted.detail).toBe('[redacted] is taken; [redacted] checked deeper');
    expect(redacted.errors).toEqual([
      { path: '/body/email', code: 'unique', message: '[redacted] is taken' },
    ]);
    expect(redacted.existing).toEqual({ email: '[redacted]', name: 'Pied Piper' });
  });

  it('leaves a problem without personal data as it is', () => {
    const plain = problem({ detail: 'No deal 42', code: 'NOT_FOUND', status: 404 });
    expect(redactProblem(plain, [])).toBe(plain);
  });
});
