import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { EntityConfig } from '../entity/define-entities.js';
import { type FieldModel, fieldOf } from '../entity/field-model.js';
import { useEntityText } from '../i18n/use-entity-text.js';
import type { ListQuery } from '../list/list-query.js';
import { type ResourceRecord, useAllRecords } from '../resource/resource-queries.js';

/** One column of a board: the value cards in it have, and its heading. */
export interface KanbanColumn {
  id: string;
  label: string;
  /** the column's record, when the columns are records (stages) rather than enum values */
  record?: ResourceRecord;
}

/** The record a board is split by (a pipeline), as the switcher above the board offers it. */
export interface KanbanScope {
  field: string;
  /** the target entity (`pipeline`) */
  entity: EntityConfig;
  value: string | undefined;
  options: { value: string; label: string }[];
  setValue: (value: string) => void;
  isPending: boolean;
}

const sortBy = (field: string | undefined): ListQuery['sort'] => (field ? [{ field, desc: false }] : []);

/**
 * The board's scope (`kanban.scope`): the records it can be split by, the chosen one in the URL
 * (`?pipelineId=…`), the first one when none is chosen.
 *
 * @example
 * const scope = useKanbanScope(deal); // scope?.value is the shown pipeline's id
 */
export function useKanbanScope(entity: EntityConfig): KanbanScope | undefined {
  const scope = entity.options.kanban?.scope;
  const [search, setSearch] = useSearchParams();
  const target = scope ? entity.catalog.get(fieldOf(entity, scope.field)?.ref ?? '') : undefined;
  const records = useAllRecords(
    target,
    { q: '', sort: sortBy(scope?.sort), filters: [] },
    { enabled: Boolean(scope) },
  );
  const options = useMemo(
    () =>
      (records.data ?? []).map((record) => ({
        value: String(record[target?.primaryKey ?? 'id']),
        label: String(record[target?.titleField ?? 'id'] ?? ''),
      })),
    [records.data, target],
  );
  if (!scope || !target) return undefined;
  const chosen = search.get(scope.field) ?? undefined;
  const value = chosen && options.some((option) => option.value === chosen) ? chosen : options[0]?.value;
  return {
    field: scope.field,
    entity: target,
    value,
    options,
    isPending: records.isPending,
    setValue: (next) =>
      setSearch(
        (current) => {
          const params = new URLSearchParams(current);
          params.set(scope.field, next);
          return params;
        },
        { replace: true },
      ),
  };
}

/**
 * The columns of a board: the kanban field's enum values, or, for a relation field (a deal's
 * `stageId`), the target's records — within the board's scope (the chosen pipeline's stages) and
 * in `kanban.columnSort` order.
 *
 * @example
 * const { columns } = useKanbanColumns(deal, fieldOf(deal, 'stageId'), scope);
 */
export function useKanbanColumns(
  entity: EntityConfig,
  field: FieldModel | undefined,
  scope: KanbanScope | undefined,
): { columns: KanbanColumn[]; isPending: boolean } {
  const text = useEntityText(entity);
  const options = entity.options.kanban ?? {};
  const target = field?.ref ? entity.catalog.get(field.ref) : undefined;
  const scopeField = options.scope?.columnField ?? options.scope?.field;
  const waitsForScope = Boolean(options.scope) && !scope?.value;
  const records = useAllRecords(
    target,
    {
      q: '',
      sort: sortBy(options.columnSort),
      filters: scope?.value && scopeField ? [{ field: scopeField, op: 'eq', value: scope.value }] : [],
    },
    { enabled: !waitsForScope },
  );
  return useMemo(() => {
    if (!field) return { columns: [], isPending: false };
    if (!target) {
      return {
        columns: field.enumValues.map((value) => ({ id: value, label: text.option(field, value) })),
        isPending: false,
      };
    }
    return {
      columns: (records.data ?? []).map((record) => ({
        id: String(record[target.primaryKey]),
        label: String(record[target.titleField] ?? record[target.primaryKey]),
        record,
      })),
      isPending: records.isPending || Boolean(scope?.isPending),
    };
  }, [field, target, records.data, records.isPending, scope?.isPending, text]);
}
