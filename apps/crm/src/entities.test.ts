import { validateRecord } from '@codexion/web';
import { describe, expect, it } from 'vitest';
import { crm } from './entities.js';

describe('the CRM entities in the browser', () => {
  it('checks a person with the name the server will compose, which it does not send', () => {
    const person = crm.entity('person');
    const draft = { firstName: 'Ada', lastName: 'Quill', email: 'ada@quill.example' };
    const derived = person.options.derive ? person.options.derive(draft) : draft;
    expect(derived).toMatchObject({ name: 'Ada Quill' });
    expect(validateRecord(person, derived)).toEqual([]);
  });
});
