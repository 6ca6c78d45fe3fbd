import { setRolePermissions } from '@codexion/contracts/tenancy/client';
import type { ListRolesResponse, Permission, Role } from '@codexion/contracts/tenancy/types';
import { Badge, Button, Checkbox, cn, Input, TableHead, TableHeader, TableRow } from '@codexion/resources';
import {
  ProblemError,
  placeFieldIssues,
  usePermissions,
  useReportProblem,
  useTranslation,
} from '@codexion/web';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Check, ChevronDown, ChevronRight, Search } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { useAdminClients, useAdminKey, useInvalidateAdmin } from './admin-queries.js';
import {
  groupPermissions,
  isGranted,
  type PermissionGroup,
  permissionAction,
  withoutPermissions,
  withPermissions,
} from './permission-groups.js';

export interface PermissionMatrixProps {
  roles: Role[];
  catalog: Permission[];
}

/** A refused change: the cells it was about and the server's reason. */
interface CellError {
  role: string;
  names: string[];
  message: string;
}

interface Change {
  role: Role;
  /** the permissions the change was about (one cell, or a group) */
  names: string[];
  permissions: string[];
}

const cellClass = 'px-3 py-2 text-center align-middle';
const stickyColumn = 'sticky left-0 z-[1] bg-card';

/**
 * The roles × permissions matrix: the catalogue grouped by app and resource (groups fold, a filter
 * narrows), one column per role, a check where the role holds the permission. Custom roles are
 * edited in place, a cell or a whole group at a time (saved at once, shown before the server
 * answers and rolled back when it refuses); built-in roles only show.
 *
 * @example
 * <PermissionMatrix roles={roles.items} catalog={permissions.items} />
 */
export function PermissionMatrix({ roles, catalog }: PermissionMatrixProps) {
  const { t } = useTranslation('admin');
  const { can } = usePermissions();
  const { tenancy } = useAdminClients();
  const queryClient = useQueryClient();
  const key = useAdminKey();
  const invalidate = useInvalidateAdmin();
  const reportProblem = useReportProblem();
  const errorId = useId();
  const [filter, setFilter] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [cellError, setCellError] = useState<CellError>();
  const groups = useMemo(() => groupPermissions(catalog, filter), [catalog, filter]);
  const editable = can('prefiq:role:update');
  const filtering = filter.trim() !== '';

  const save = useMutation({
    mutationFn: (change: Change) =>
      setRolePermissions({
        client: tenancy,
        path: { key: change.role.key },
        body: { permissions: change.permissions },
        throwOnError: true,
      }),
    onMutate: async (change) => {
      setCellError(undefined);
      await queryClient.cancelQueries({ queryKey: key('roles') });
      const before = queryClient.getQueryData<ListRolesResponse>(key('roles'));
      queryClient.setQueryData<ListRolesResponse>(key('roles'), (list) =>
        list === undefined
          ? list
          : {
              items: list.items.map((role) =>
                role.key === change.role.key ? { ...role, permissions: change.permissions } : role,
              ),
            },
      );
      return { before };
    },
    onError: (error, change, context) => {
      if (context?.before) queryClient.setQueryData(key('roles'), context.before);
      const message =
        error instanceof ProblemError
          ? placeFieldIssues(error.errors, ['permissions'] as const).onFields.permissions
          : undefined;
      if (message === undefined) {
        reportProblem(error);
        return;
      }
      setCellError({ role: change.role.key, names: change.names, message });
    },
    onSettled: () => invalidate('roles'),
  });

  const rolesNow = () => queryClient.getQueryData<ListRolesResponse>(key('roles'))?.items ?? roles;
  const toggle = (role: Role, names: string[], on: boolean) => {
    // the latest permissions, with the optimistic changes of clicks still on their way
    const granted =
      rolesNow().find((candidate) => candidate.key === role.key)?.permissions ?? role.permissions;
    const permissions = on ? withPermissions(granted, names) : withoutPermissions(granted, names, catalog);
    save.mutate({ role, names, permissions });
  };
  const fold = (id: string) =>
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const errorRole = roles.find((role) => role.key === cellError?.role);
  const isInvalid = (role: Role, names: string[]) =>
    cellError?.role === role.key && names.some((name) => cellError.names.includes(name));

  const groupCell = (group: PermissionGroup, role: Role) => {
    const names = group.permissions.map((permission) => permission.name);
    const held = names.filter((name) => isGranted(role.permissions, name)).length;
    if (role.builtIn || !editable) {
      return (
        <span className="text-muted-foreground text-xs tabular-nums">
          {t('roles.matrix.heldCount', { held, total: names.length })}
        </span>
      );
    }
    return (
      <Checkbox
        aria-label={t('roles.matrix.groupCell', { role: role.name, group: group.id })}
        checked={held === names.length ? true : held === 0 ? false : 'indeterminate'}
        aria-invalid={isInvalid(role, names) || undefined}
        aria-describedby={isInvalid(role, names) ? errorId : undefined}
        onCheckedChange={() => toggle(role, names, held !== names.length)}
      />
    );
  };
  const permissionCell = (permission: Permission, role: Role) => {
    const granted = isGranted(role.permissions, permission.name);
    if (role.builtIn || !editable) {
      return granted ? (
        <Check
          role="img"
          className="mx-auto size-4 text-primary"
          aria-label={t('roles.matrix.granted', { role: role.name, permission: permission.name })}
        />
      ) : (
        <span className="sr-only">
          {t('roles.matrix.notGranted', { role: role.name, permission: permission.name })}
        </span>
      );
    }
    const invalid = isInvalid(role, [permission.name]);
    return (
      <Checkbox
        aria-label={t('roles.matrix.cell', { role: role.name, permission: permission.name })}
        checked={granted}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        onCheckedChange={(checked) => toggle(role, [permission.name], checked === true)}
      />
    );
  };

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative w-full max-w-xs">
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            type="search"
            className="ps-8"
            value={filter}
            placeholder={t('roles.matrix.filterPlaceholder')}
            aria-label={t('roles.matrix.filter')}
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
        <Button variant="ghost" size="sm" onClick={() => setCollapsed(new Set())}>
          {t('roles.matrix.expandAll')}
        </Button>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => setCollapsed(new Set(groupPermissions(catalog).map((group) => group.id)))}
        >
          {t('roles.matrix.collapseAll')}
        </Button>
        <span className="ms-auto text-muted-foreground text-sm" aria-live="polite">
          {t('roles.matrix.shown', {
            count: groups.reduce((sum, group) => sum + group.permissions.length, 0),
          })}
        </span>
      </div>
      {cellError && (
        <p id={errorId} role="alert" className="font-medium text-danger text-sm">
          {t('roles.matrix.refused', { role: errorRole?.name ?? cellError.role, message: cellError.message })}
        </p>
      )}
      <div data-slot="permission-matrix" className="relative max-h-[70vh] overflow-auto rounded-md border">
        <table
          data-slot="table"
          className="w-full caption-bottom text-sm"
          aria-label={t('roles.matrix.title')}
        >
          <TableHeader className="sticky top-0 z-[2] bg-card shadow-xs">
            <TableRow className="hover:bg-transparent">
              <TableHead className={cn(stickyColumn, 'z-[3] min-w-64')}>
                {t('roles.matrix.permission')}
              </TableHead>
              {roles.map((role) => (
                <TableHead key={role.key} scope="col" className="min-w-28 text-center">
                  <span className="grid justify-items-center gap-1 py-1">
                    <span className="text-foreground">{role.name}</span>
                    <Badge variant={role.builtIn ? 'secondary' : 'outline'}>
                      {role.builtIn ? t('roles.builtInBadge') : t('roles.customBadge')}
                    </Badge>
                  </span>
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          {groups.map((group) => {
            const open = filtering || !collapsed.has(group.id);
            return (
              <tbody key={group.id} data-slot="table-body">
                <tr className="border-b bg-muted">
                  <th
                    scope="rowgroup"
                    className={cn(stickyColumn, 'bg-muted px-1 py-1 text-start font-medium')}
                  >
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-expanded={open}
                      disabled={filtering}
                      onClick={() => fold(group.id)}
                    >
                      {open ? <ChevronDown aria-hidden="true" /> : <ChevronRight aria-hidden="true" />}
                      <span>{group.app}</span>
                      <span className="text-muted-foreground">·</span>
                      <span>{group.resource}</span>
                      <span className="text-muted-foreground text-xs">({group.permissions.length})</span>
                    </Button>
                  </th>
                  {roles.map((role) => (
                    <td key={role.key} className={cellClass}>
                      {groupCell(group, role)}
                    </td>
                  ))}
                </tr>
                {open &&
                  group.permissions.map((permission) => (
                    <TableRow key={permission.name}>
                      <th scope="row" className={cn(stickyColumn, 'px-3 py-2 text-start font-normal')}>
                        <span className="grid gap-0.5 ps-6">
                          <span className="font-mono text-xs">{permissionAction(permission.name)}</span>
                          {permission.description && (
                            <span className="text-muted-foreground text-xs">{permission.description}</span>
                          )}
                          <span className="sr-only">{permission.name}</span>
                        </span>
                      </th>
                      {roles.map((role) => (
                        <td key={role.key} className={cellClass}>
                          {permissionCell(permission, role)}
                        </td>
                      ))}
                    </TableRow>
                  ))}
              </tbody>
            );
          })}
        </table>
        {groups.length === 0 && (
          <p className="p-6 text-center text-muted-foreground text-sm">{t('roles.matrix.noMatch')}</p>
        )}
      </div>
    </div>
  );
}
