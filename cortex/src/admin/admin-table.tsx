import { Table, TableBody, TableHead, TableHeader, TableRow } from '@codexion/resources';
import { useTranslation } from '@codexion/web';
import type { ReactNode } from 'react';

/** A column: its heading, or its heading and the classes of the heading cell. */
export type AdminColumn = string | { label: string; className?: string };

export interface AdminTableProps {
  /** names the table for screen readers */
  label: string;
  columns: AdminColumn[];
  /** adds a last, unlabelled column for row actions */
  actions?: boolean;
  /** the rows */
  children: ReactNode;
}

/**
 * The tables of the admin pages: a named table, its column headings and, when rows carry
 * buttons, a last column for them (named for screen readers only).
 *
 * @example
 * <AdminTable label="Members" columns={['Name', 'Email']} actions>{rows}</AdminTable>
 */
export function AdminTable({ label, columns, actions = false, children }: AdminTableProps) {
  const { t } = useTranslation('admin');
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          {columns.map((column) => {
            const { label: heading, className } = typeof column === 'string' ? { label: column } : column;
            return (
              <TableHead key={heading} className={className}>
                {heading}
              </TableHead>
            );
          })}
          {actions && (
            <TableHead className="w-12">
              <span className="sr-only">{t('common.actions')}</span>
            </TableHead>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>{children}</TableBody>
    </Table>
  );
}
