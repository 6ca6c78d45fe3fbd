import { escapePointerToken, type ValidationIssue } from '@codexion/schema';
import { keyColumns, pgErrorOf } from '../data/pg-error.js';
import { DomainError, validationFailed } from '../errors/domain-error.js';
import { unknownReference } from '../errors/request-issues.js';
import type { EntityPlan } from './entity-plan.js';

export type WriteKind = 'create' | 'update' | 'delete' | 'restore';

function fieldsOfKey(plan: EntityPlan, constraint: string | undefined, detail: string | undefined): string[] {
  const declared = constraint === undefined ? undefined : plan.uniqueConstraints.get(constraint);
  if (declared !== undefined) return declared;
  return keyColumns(detail)
    .map((column) => plan.byColumn.get(column)?.name)
    .filter((name): name is string => name !== undefined && name !== 'tenantId');
}

/**
 * Turns a database error of a write into the API's answer: a unique violation is a 409 naming the
 * field(s); a foreign key violation is a 409 when deleting (something still refers to the record)
 * and a 422 on the reference field when writing one; NOT NULL and type errors are 422s. Other
 * errors come back unchanged. Values from the error's detail are never echoed (they may be PII).
 *
 * @example
 * catch (error) { throw mapWriteError(plan, error, 'create'); }
 */
export function mapWriteError(plan: EntityPlan, error: unknown, kind: WriteKind, pathPrefix = ''): unknown {
  if (error instanceof DomainError) return error;
  const info = pgErrorOf(error);
  if (info === undefined) return error;
  const name = plan.entity.typeName;
  switch (info.code) {
    case '23505': {
      const fields = fieldsOfKey(plan, info.constraint, info.detail);
      if (fields.length === 0 || fields.includes(plan.id.name)) {
        return new DomainError('CONFLICT', `${name} already exists`, { cause: error });
      }
      const issues: ValidationIssue[] = fields.map((f) => ({
        path: `${pathPrefix}/${escapePointerToken(f)}`,
        code: 'unique',
        message: `is already used by another ${name}`,
      }));
      return new DomainError('UNIQUE_VIOLATION', `Another ${name} already has this ${fields.join(' and ')}`, {
        issues,
        extensions: { fields },
        cause: error,
      });
    }
    case '23503': {
      if (kind === 'delete') {
        return new DomainError(
          'REFERENCE_VIOLATION',
          `The ${name} is still referenced by ${info.table ?? 'other records'}`,
          {
            extensions: info.table === undefined ? {} : { referencedBy: info.table },
            cause: error,
          },
        );
      }
      const field =
        (info.constraint === undefined ? undefined : plan.foreignKeys.get(info.constraint)) ??
        fieldsOfKey(plan, undefined, info.detail)[0];
      const target = field === undefined ? undefined : plan.relations.get(field)?.target;
      return unknownReference(
        field === undefined ? pathPrefix : `${pathPrefix}/${escapePointerToken(field)}`,
        target ?? 'record',
      );
    }
    case '23502': {
      const field = info.column === undefined ? undefined : plan.byColumn.get(info.column)?.name;
      return validationFailed([
        {
          path: field === undefined ? pathPrefix : `${pathPrefix}/${escapePointerToken(field)}`,
          code: 'required',
          message: 'is required',
        },
      ]);
    }
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22P02':
    case '23514':
      return validationFailed([
        { path: pathPrefix, code: 'value', message: 'holds a value the database cannot store' },
      ]);
    default:
      return error;
  }
}
