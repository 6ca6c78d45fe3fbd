import type { ListQuery } from './list-query.js';

/** A named list setup a user can come back to. */
export interface SavedView {
  id: string;
  name: string;
  columns: string[];
  query: ListQuery;
}

/**
 * Where saved views live. The framework ships a per-browser store; a server-backed one (views
 * shared across devices and users) implements the same interface.
 */
export interface SavedViewStore {
  list(resourceKey: string): Promise<SavedView[]>;
  save(resourceKey: string, view: Omit<SavedView, 'id'> & { id?: string }): Promise<SavedView>;
  remove(resourceKey: string, id: string): Promise<void>;
}

function isSavedView(value: unknown): value is SavedView {
  if (typeof value !== 'object' || value === null) return false;
  const view = value as Record<string, unknown>;
  return (
    typeof view.id === 'string' &&
    typeof view.name === 'string' &&
    Array.isArray(view.columns) &&
    typeof view.query === 'object'
  );
}

/**
 * Saved views in `localStorage`, one key per resource (`codexion.views.sales:account`).
 *
 * @example
 * const store = localStorageViewStore();
 * await store.save('sales:account', { name: 'Gold', columns: ['name'], query });
 */
export function localStorageViewStore(
  storage: Storage | undefined = globalThis.localStorage,
): SavedViewStore {
  const keyOf = (resourceKey: string) => `codexion.views.${resourceKey}`;
  const read = (resourceKey: string): SavedView[] => {
    if (!storage) return [];
    try {
      const parsed: unknown = JSON.parse(storage.getItem(keyOf(resourceKey)) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isSavedView) : [];
    } catch {
      return [];
    }
  };
  const write = (resourceKey: string, views: SavedView[]) =>
    storage?.setItem(keyOf(resourceKey), JSON.stringify(views));
  return {
    list: async (resourceKey) => read(resourceKey),
    async save(resourceKey, view) {
      const saved: SavedView = {
        ...view,
        id: view.id ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      };
      write(resourceKey, [...read(resourceKey).filter((existing) => existing.id !== saved.id), saved]);
      return saved;
    },
    async remove(resourceKey, id) {
      write(
        resourceKey,
        read(resourceKey).filter((view) => view.id !== id),
      );
    },
  };
}
