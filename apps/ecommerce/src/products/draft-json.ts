/**
 * The items of an array-of-objects field as the generated form holds it (JSON text, or the array
 * itself before the first edit): an empty list for anything that does not read as an array.
 *
 * @example
 * draftItems<{ option: string }>('[{"option":"Size"}]'); // [{ option: 'Size' }]
 */
export function draftItems<T>(value: unknown): T[] {
  if (Array.isArray(value)) return value as T[];
  if (typeof value !== 'string' || value.trim() === '') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? (parsed as T[]) : [];
  } catch {
    return [];
  }
}

/** The message react-hook-form placed at `path` (`optionValues.1.value`) of an error tree, if any. */
export function messageAt(errors: unknown, path: string): string | undefined {
  let node: unknown = errors;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  const message =
    node !== null && typeof node === 'object' ? (node as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : undefined;
}
