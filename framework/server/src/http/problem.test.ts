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
