import { describe, expect, it } from 'vitest';
import { judgeAnswer } from './judge-answer.js';

const problem = (status: number, body: Record<string, unknown>) => ({
  status,
  headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  text: JSON.stringify({ status, ...body }),
});

describe('judgeAnswer', () => {
  it('passes a 4xx problem with a code, and a field error that points into the broken part', () => {
    expect(
      judgeAnswer(
        { target: '/query/pageSize' },
        problem(400, { code: 'INVALID_PARAMETER', errors: [{ path: '/query/pageSize' }] }),
      ),
    ).toBeUndefined();
    expect(
      judgeAnswer({ target: '/params/id' }, problem(404, { code: 'NOT_FOUND', errors: [] })),
    ).toBeUndefined();
  });

  it('fails 5xx, 2xx, answers that are not problems, and problems without a code or with another status', () => {
    expect(judgeAnswer({ target: '/body' }, problem(500, { code: 'INTERNAL' }))).toBe('5xx');
    expect(judgeAnswer({ target: '/body' }, { status: 201, headers: {}, text: '{}' })).toBe('accepted (2xx)');
    expect(judgeAnswer({ target: '/' }, { status: 400, headers: {}, text: '' })).toBe('not problem+json');
    expect(judgeAnswer({ target: '/' }, problem(400, {}))).toBe('problem without code');
    expect(
      judgeAnswer({ target: '/' }, { ...problem(400, { code: 'X' }), text: '{"status":422,"code":"X"}' }),
    ).toBe('problem status differs');
  });

  it('fails a field error without paths, or with paths elsewhere than the broken part', () => {
    expect(
      judgeAnswer({ target: '/body/name' }, problem(422, { code: 'VALIDATION_FAILED', errors: [] })),
    ).toBe('field error without errors[].path');
    expect(
      judgeAnswer(
        { target: '/body/name' },
        problem(422, { code: 'VALIDATION_FAILED', errors: [{ path: '/query/x' }] }),
      ),
    ).toBe('field error without errors[].path');
  });

  it('takes a field error elsewhere when the rest of the request was not shown to pass', () => {
    const answer = problem(422, { code: 'VALIDATION_FAILED', errors: [{ path: '/body/permissions/0' }] });
    expect(judgeAnswer({ target: '/params/key' }, answer, { inTarget: false })).toBeUndefined();
    expect(judgeAnswer({ target: '/params/key' }, answer)).toBe('field error without errors[].path');
  });

  it('holds a request to the statuses it names', () => {
    expect(
      judgeAnswer({ target: '/headers/cookie', expect: [401] }, problem(403, { code: 'FORBIDDEN' })),
    ).toBe('unexpected status');
    expect(
      judgeAnswer({ target: '/headers/cookie', expect: [401] }, problem(401, { code: 'UNAUTHENTICATED' })),
    ).toBeUndefined();
  });
});
