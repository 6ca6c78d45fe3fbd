import { cn, TableHead } from '@codexion/resources';
import type { JsonSchema } from '@codexion/schema';
import { type EntityConfig, resolveSchema, schemaFields, useTranslation } from '@codexion/web';
import { useMemo } from 'react';
import type { LineColumn } from './line-drafts.js';

/** Whether a column holds a number (right-aligned, tabular figures). */
export function isAmountColumn(column: LineColumn): boolean {
  return column.kind === 'money' || column.kind === 'integer' || column.kind === 'basis-points';
}

/**
 * The labels of a document's line fields in the user's language (`lines.fields.<name>`), else as
 * the line schema names them.
 */
export function useLineLabels(entity: EntityConfig, linesField: string): Map<string, string> {
  const { t } = useTranslation('erp');
  return useMemo(() => {
    const field = entity.schema.properties?.[linesField] as JsonSchema | undefined;
    const items = (field?.items ?? {}) as JsonSchema;
    return new Map(
      schemaFields(resolveSchema(items, entity), entity.catalog).map((line) => [
        line.name,
        t(`lines.fields.${line.name}`, { defaultValue: line.label }),
      ]),
    );
  }, [entity, linesField, t]);
}

/** The header cells of a line table: the line number, then a cell per column. */
export function LineHeadCells({
  columns,
  labels,
}: {
  columns: readonly LineColumn[];
  labels: Map<string, string>;
}) {
  return (
    <>
      <TableHead className="w-10 text-end">#</TableHead>
      {columns.map((column) => (
        <TableHead key={column.name} className={cn(isAmountColumn(column) && 'text-end')}>
          {labels.get(column.name) ?? column.name}
        </TableHead>
      ))}
    </>
  );
}
