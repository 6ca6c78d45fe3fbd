import { describe, expect, it } from 'vitest';
import { fieldOf } from '../entity/field-model.js';
import { salesCatalog } from '../testing/sales-fixture.js';
import { guessMapping, importableFields, parseCsv } from './csv-import.js';
import { filterOpsFor, type ListQuery, listQueryFromSearch, listSearchParams } from './list-query.js';
import { localStorageViewStore } from './saved-view-store.js';

const catalog = salesCatalog();

describe('list query', () => {
  it('speaks the API dialect and reads it back from a URL', () => {
    const query: ListQuery = {
      q: ' acme ',
      sort: [
        { field: 'amount', desc: true },
        { field: 'title', desc: false },
      ],
      filters: [
        { field: 'stage', op: 'in', value: 'lead,qualified' },
        { field: 'lostReason', op: 'isNull', value: '' },
        { field: 'title', op: 'contains', value: '' },
      ],
    };
    const params = listSearchParams(query, { cursor: 'abc', pageSize: 50 });
    expect(decodeURIComponent(params.toString())).toBe(
      'q=acme&sort=-amount,title&filter[stage][in]=lead,qualified&filter[lostReason][isNull]=true&cursor=abc&pageSize=50',
    );
    expect(listQueryFromSearch(params)).toEqual({
      q: 'acme',
      sort: query.sort,
      filters: [
        { field: 'stage', op: 'in', value: 'lead,qualified' },
        { field: 'lostReason', op: 'isNull', value: 'true' },
      ],
    });
  });

  it('offers the operators the API has for each field type', () => {
    const opportunity = catalog.entity('opportunity');
    const ops = (name: string) => {
      const field = fieldOf(opportunity, name);
      return field ? filterOpsFor(field) : [];
    };
    expect(ops('amount')).toEqual(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'isNull']);
    expect(ops('stage')).toEqual(['eq', 'ne', 'in']);
    expect(ops('title')).toEqual(['eq', 'ne', 'in', 'contains']);
    expect(ops('expectedClose')).toEqual(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'isNull']);
    expect(ops('accountId')).toEqual(['eq', 'ne', 'in']);
  });
});

describe('saved views', () => {
  it('keeps views per resource in localStorage', async () => {
    const store = localStorageViewStore();
    const saved = await store.save('sales:account', {
      name: 'Gold',
      columns: ['name'],
      query: { q: '', sort: [], filters: [{ field: 'tier', op: 'eq', value: 'gold' }] },
    });
    expect(await store.list('sales:account')).toEqual([saved]);
    expect(await store.list('sales:opportunity')).toEqual([]);
    await store.remove('sales:account', saved.id);
    expect(await store.list('sales:account')).toEqual([]);
    localStorage.setItem('codexion.views.broken', '{not json');
    expect(await store.list('broken')).toEqual([]);
  });
});

describe('CSV import mapping', () => {
  it('parses quoted CSV and maps columns by name, label or path', () => {
    const parsed = parseCsv(
      '\uFEFFName,"Contact email",address.country,Notes\n"Acme, Inc.",a@acme.example,DE,x\n\n',
    );
    expect(parsed).toEqual({
      headers: ['Name', 'Contact email', 'address.country', 'Notes'],
      rows: [['Acme, Inc.', 'a@acme.example', 'DE', 'x']],
    });
    expect(guessMapping(parsed.headers, importableFields(catalog.entity('account')))).toEqual({
      Name: 'name',
      'Contact email': 'contactEmail',
      'address.country': 'address.country',
      Notes: '',
    });
  });
});
