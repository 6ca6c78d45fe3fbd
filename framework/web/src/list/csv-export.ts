import type { Client } from '@codexion/client';
import Papa from 'papaparse';
import type { EntityConfig } from '../entity/define-entities.js';
import { callResource } from '../resource/call-resource.js';
import { type ListQuery, listSearchParams } from './list-query.js';

interface Page {
  items: Record<string, unknown>[];
  nextCursor?: string | null;
}

/** One CSV cell of an API value: arrays as `a; b`, objects as JSON, nothing as empty. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value))
    return value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export interface ExportCsvOptions {
  /** the client the app's generated SDK is called through (`useApi().client`) */
  client: Client;
  entity: EntityConfig;
  query: ListQuery;
  columns: string[];
  pageSize?: number;
  signal?: AbortSignal;
  /** called after each page with the number of rows written so far */
  onProgress?: (rows: number) => void;
}

/**
 * Exports every record matching the list's current query, page after page, to CSV. Each page is
 * turned into text as it arrives, so memory holds CSV chunks, not all the records. Values are
 * written as the API has them (money in minor units), which is what import reads back.
 *
 * @example
 * const blob = await exportCsv({ client, entity, query, columns: ['name', 'tier'] });
 */
export async function exportCsv({
  client,
  entity,
  query,
  columns,
  pageSize = 200,
  signal,
  onProgress,
}: ExportCsvOptions): Promise<Blob> {
  const chunks: string[] = [`${Papa.unparse([columns])}\r\n`];
  let cursor: string | null | undefined;
  let rows = 0;
  do {
    const { data } = await callResource<Page>(entity, 'list', {
      client,
      query: listSearchParams(query, { cursor, pageSize }),
      signal,
    });
    if (data.items.length) {
      chunks.push(
        `${Papa.unparse(data.items.map((item) => columns.map((column) => csvCell(item[column]))))}\r\n`,
      );
    }
    rows += data.items.length;
    onProgress?.(rows);
    cursor = data.nextCursor;
  } while (cursor);
  return new Blob(chunks, { type: 'text/csv;charset=utf-8' });
}

/** Offers a blob as a download, as a link click would. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
