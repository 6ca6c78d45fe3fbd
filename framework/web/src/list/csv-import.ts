import type { Client } from '@codexion/client';
import type { ValidationIssue } from '@codexion/schema';
import Papa from 'papaparse';
import { ProblemError } from '../api/problem-error.js';
import type { EntityConfig } from '../entity/define-entities.js';
import { type FieldModel, writableFields } from '../entity/field-model.js';
import { pointerTokens } from '../entity/json-pointer.js';
import { type RecordIssue, validateRecord } from '../entity/validate-record.js';
import { callResource } from '../resource/call-resource.js';

export interface ParsedCsv {
  headers: string[];
  rows: string[][];
}

/**
 * Reads CSV text (header row first), skipping blank lines.
 *
 * @example
 * parseCsv('name,tier\nAcme,gold') // { headers: ['name', 'tier'], rows: [['Acme', 'gold']] }
 */
export function parseCsv(text: string): ParsedCsv {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [headers = [], ...rows] = result.data;
  return { headers: headers.map((header) => header.trim()), rows };
}

/** The fields an import can fill: writable scalar fields, and the parts of embedded objects. */
export function importableFields(entity: EntityConfig): FieldModel[] {
  return writableFields(entity, 'create').flatMap((field) =>
    field.widget === 'object' && field.fields.length ? field.fields : [field],
  );
}

const normalize = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Guesses which field each CSV column fills, by name or label (`Contact email` → `contactEmail`);
 * `''` for a column to skip.
 *
 * @example
 * guessMapping(['Name', 'Tier', 'Notes'], fields) // { Name: 'name', Tier: 'tier', Notes: '' }
 */
export function guessMapping(
  headers: readonly string[],
  fields: readonly FieldModel[],
): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const header of headers) {
    const key = normalize(header);
    const field = fields.find((candidate) =>
      [candidate.path, candidate.name, candidate.label].some((name) => normalize(name) === key),
    );
    mapping[header] = field?.path ?? '';
  }
  return mapping;
}

function cellValue(field: FieldModel, text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  switch (field.type) {
    case 'integer':
    case 'number': {
      const number = Number(trimmed);
      return Number.isFinite(number) ? number : trimmed;
    }
    case 'boolean':
      if (/^(true|yes|1|ja|oui)$/i.test(trimmed)) return true;
      if (/^(false|no|0|nein|non)$/i.test(trimmed)) return false;
      return trimmed;
    case 'array':
      return trimmed
        .split(';')
        .map((item) => item.trim())
        .filter(Boolean);
    case 'object':
      try {
        return JSON.parse(trimmed);
      } catch {
        return trimmed;
      }
    default:
      return trimmed;
  }
}

export interface ImportRow {
  /** 1-based line in the file, counting the header as line 1 */
  line: number;
  record: Record<string, unknown>;
  issues: RecordIssue[];
}

/**
 * Turns CSV rows into records by the column mapping and validates each with the entity's schema
 * and rules, before anything is written. Values are read as the API takes them (money in minor
 * units, lists separated by `;`).
 *
 * @example
 * const rows = prepareImport(entity, parsed, mapping);
 * rows.filter((row) => row.issues.length) // what to show the user
 */
export function prepareImport(
  entity: EntityConfig,
  parsed: ParsedCsv,
  mapping: Record<string, string>,
): ImportRow[] {
  const fields = new Map(importableFields(entity).map((field) => [field.path, field]));
  return parsed.rows.map((cells, index) => {
    const record: Record<string, unknown> = {};
    parsed.headers.forEach((header, column) => {
      const field = fields.get(mapping[header] ?? '');
      if (!field) return;
      const value = cellValue(field, cells[column] ?? '');
      if (value === undefined) return;
      const [head, leaf] = field.path.split('.');
      if (!head) return;
      if (leaf) {
        const nested = (record[head] ?? {}) as Record<string, unknown>;
        nested[leaf] = value;
        record[head] = nested;
      } else record[head] = value;
    });
    return { line: index + 2, record, issues: validateRecord(entity, record) };
  });
}

/** Largest bulk request the API takes. */
const bulkLimit = 1000;

/**
 * Creates the records through `POST /<resource>/bulk`, in requests of at most 1000. A request the
 * server refuses creates nothing (all or nothing); its `errors[].path` (`/items/3/name`) is mapped
 * back onto the rows, and the import stops there.
 *
 * @example
 * const { created, rows } = await bulkCreate(client, entity, validRows);
 */
export async function bulkCreate(
  client: Client,
  entity: EntityConfig,
  rows: ImportRow[],
  onProgress?: (created: number) => void,
): Promise<{ created: number; failed: ImportRow[] }> {
  let created = 0;
  for (let start = 0; start < rows.length; start += bulkLimit) {
    const batch = rows.slice(start, start + bulkLimit);
    try {
      await callResource(entity, 'bulkCreate', { client, body: { items: batch.map((row) => row.record) } });
    } catch (error) {
      if (!(error instanceof ProblemError) || !error.errors.length) throw error;
      const failed = batch.map((row) => ({ ...row, issues: [] as ValidationIssue[] }));
      for (const issue of error.errors) {
        const tokens = pointerTokens(issue.path);
        if (tokens[0] === 'body') tokens.shift();
        const index = tokens[0] === 'items' ? Number(tokens[1]) : Number.NaN;
        const row = failed[index];
        if (row)
          row.issues.push({ ...issue, path: tokens.length > 2 ? `/${tokens.slice(2).join('/')}` : '' });
      }
      return { created, failed: failed.filter((row) => row.issues.length) };
    }
    created += batch.length;
    onProgress?.(created);
  }
  return { created, failed: [] };
}
