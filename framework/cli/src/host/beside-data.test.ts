import { describe, expect, it } from 'vitest';
import { besideData } from './beside-data.js';

describe('besideData', () => {
  it('puts a host file beside the data folder, and nowhere for data in memory or a given database', () => {
    expect(besideData('/repo', '.codexion/data', 'crm-login.json')).toBe('/repo/.codexion/crm-login.json');
    expect(besideData('/repo', '/srv/prefiq/data', 'crm-login.json')).toBe('/srv/prefiq/crm-login.json');
    expect(besideData('/repo', 'memory://', 'crm-login.json')).toBeUndefined();
    expect(besideData('/repo', '.codexion/data', 'crm-login.json', true)).toBeUndefined();
  });
});
