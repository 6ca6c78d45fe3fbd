import { describe, expect, it } from 'vitest';
import { webhookUrlIssue } from './webhook-url.js';

const production = { production: true };
const development = { production: false };

describe('webhookUrlIssue', () => {
  it('accepts https anywhere and http outside production', () => {
    expect(webhookUrlIssue('https://hooks.example.com/in?x=1', production)).toBeUndefined();
    expect(webhookUrlIssue('http://127.0.0.1:4000/hook', development)).toBeUndefined();
  });

  it('refuses http in production', () => {
    expect(webhookUrlIssue('http://hooks.example.com/in', production)).toBe('must use https in production');
  });

  it('refuses other schemes, relative URLs and credentials everywhere', () => {
    expect(webhookUrlIssue('ftp://example.com/x', development)).toBe(
      'must use https (or http outside production)',
    );
    expect(webhookUrlIssue('javascript:alert(1)', development)).toBe(
      'must use https (or http outside production)',
    );
    expect(webhookUrlIssue('/relative', development)).toBe('must be an absolute URL');
    expect(webhookUrlIssue('https://user:pass@example.com/', development)).toBe('must not carry credentials');
    expect(webhookUrlIssue('https://token@example.com/', development)).toBe('must not carry credentials');
  });

  it('refuses loopback, private and link-local hosts in production only', () => {
    for (const url of [
      'https://localhost/x',
      'https://api.localhost/x',
      'https://127.0.0.1/x',
      'https://10.1.2.3/x',
      'https://172.20.0.1/x',
      'https://192.168.1.1/x',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/x',
      'https://[fd00::1]/x',
      'https://[::ffff:127.0.0.1]/x',
    ]) {
      expect(webhookUrlIssue(url, production), url).toBe(
        'must not point to a loopback, private or link-local address in production',
      );
      expect(webhookUrlIssue(url, development), url).toBeUndefined();
    }
    expect(webhookUrlIssue('https://172.32.0.1/x', production)).toBeUndefined();
  });
});
