import { problemBounds } from '@codexion/schema';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { DomainError, validationFailed } from '../errors/domain-error.js';
import { problemContentType, problemFromError, problemResponse } from './problem.js';

describe('problemFromError', () => {
  it('renders a DomainError with its issues and extensions, without letting them override members', () => {
    const error = validationFailed([{ path: '/amount', code: 'minimum', message: 'must be >= 0' }]);
    expect(problemFromError(error, { requestId: 'r1', instance: '/api/x' })).toEqual({
      type: 'about:blank',
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'The request has invalid fields',
      instance: '/api/x',
      code: 'VALIDATION_FAILED',
      requestId: 'r1',
      errors: [{ path: '/amount', code: 'minimum', message: 'must be >= 0' }],
    });
    const sneaky = new DomainError('CONFLICT', 'Taken', { extensions: { status: 200, field: 'email' } });
    expect(problemFromError(sneaky)).toMatchObject({ status: 409, field: 'email' });
  });

  it('keeps an app code with its own status', () => {
    expect(problemFromError(new DomainError('DEAL_CLOSED', 'Closed', { status: 409 }))).toMatchObject({
      status: 409,
      title: 'Conflict',
      code: 'DEAL_CLOSED',
    });
  });

  it('hides unknown errors unless told to expose them', () => {
    const error = new TypeError('secret detail');
    const hidden = problemFromError(error);
    expect(hidden).toMatchObject({ status: 500, code: 'INTERNAL', title: 'Internal Server Error' });
    expect(JSON.stringify(hidden)).not.toContain('secret');
    const shown = problemFromError(error, { exposeInternals: true });
    expect(shown.detail).toBe('secret detail');
    expect(shown.stack).toContain('TypeError: secret detail');
    expect(problemFromError('a string thrown')).toMatchObject({ status: 500, code: 'INTERNAL' });
  });

  it('stays within the bounds the contract declares for a problem (problemBounds)', () => {
    const issues = Array.from({ length: 1500 }, (_, i) => ({
      path: `/${'k'.repeat(5000)}${i}`,
      code: 'additionalProperties',
      message: 'm'.repeat(3000),
    }));
    const problem = problemFromError(validationFailed(issues), { instance: `/api/${'p'.repeat(20_000)}` });
    expect(problem.errors).toHaveLength(problemBounds.errors);
    expect(Math.max(...problem.errors.map((e) => e.path.length))).toBe(problemBounds.path);
    expect(Math.max(...problem.errors.map((e) => e.message.length))).toBe(problemBounds.message);
    expect(problem.errors[0]?.path.endsWith('…')).toBe(true);
    expect(problem.instance?.length).toBe(problemBounds.instance);
    const long = problemFromError(new DomainError('NOT_FOUND', 'x'.repeat(30_000)));
    expect(long.detail.length).toBe(problemBounds.detail);
    // what fits is left as it is
    const small = validationFailed([{ path: '/a', code: 'type', message: 'must be string' }]);
    expect(problemFromError(small).errors).toEqual([{ path: '/a', code: 'type', message: 'must be string' }]);
  });

  it('maps a Hono HTTPException by its status', () => {
    expect(problemFromError(new HTTPException(413, { message: 'too big' }))).toMatchObject({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      detail: 'too big',
    });
    expect(problemFromError(new HTTPException(418))).toMatchObject({ status: 418, code: 'BAD_REQUEST' });
  });
});

describe('problemResponse', () => {
  it('answers application/problem+json with the status and extra headers', async () => {
    const response = problemResponse(problemFromError(new DomainError('NOT_FOUND', 'gone')), {
      'X-Extra': '1',
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe(problemContentType);
    expect(response.headers.get('x-extra')).toBe('1');
    expect(await response.json()).toMatchObject({ code: 'NOT_FOUND', detail: 'gone' });
  });
});
