import { currencyDigits, type ValidationIssue } from '@codexion/schema';
import { parseDecimal } from '../locale/create-formatters.js';
import type { FieldModel } from './field-model.js';

/** What a form holds while the user types: text for numbers, JSON as text, money as a decimal. */
export type DraftValue = string | boolean | string[] | null | DraftValues;
export interface DraftValues {
  [field: string]: DraftValue;
}

export interface DraftOptions {
  decimalSeparator: string;
  /** the tenant's currency, for money fields whose record has no currency yet */
  currency: string;
}

/** The messages of values that cannot even be parsed; Ajv and the rules judge the rest. */
export interface DraftMessages {
  notANumber: string;
  invalidJson: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function currencyOf(field: FieldModel, record: Record<string, unknown>, fallback: string): string {
  const value = field.currencyField ? record[field.currencyField] : undefined;
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value) ? value : fallback;
}

function decimalText(value: number, separator: string, digits?: number): string {
  const text = digits === undefined ? String(value) : value.toFixed(digits);
  return separator === '.' ? text : text.replace('.', separator);
}

function localDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A record as the form holds it. Values the schema default provides fill an empty create form.
 *
 * @example
 * toDraft(fields, { amount: 123456, currency: 'EUR' }, { decimalSeparator: ',', currency: 'EUR' }).amount // '1234,56'
 */
export function toDraft(
  fields: readonly FieldModel[],
  record: Record<string, unknown>,
  options: DraftOptions,
  { useDefaults = false } = {},
): DraftValues {
  const draft: DraftValues = {};
  for (const field of fields) {
    let value = record[field.name];
    if (value === undefined && useDefaults) value = field.schema.default;
    switch (field.widget) {
      case 'boolean':
        draft[field.name] = value === true;
        break;
      case 'tags':
        draft[field.name] = Array.isArray(value) ? value.map(String) : [];
        break;
      case 'number':
        draft[field.name] = typeof value === 'number' ? decimalText(value, options.decimalSeparator) : '';
        break;
      case 'percent':
        draft[field.name] =
          typeof value === 'number'
            ? decimalText(Math.round(value * 1e6) / 1e4, options.decimalSeparator)
            : '';
        break;
      case 'money': {
        const digits = currencyDigits(currencyOf(field, record, options.currency));
        draft[field.name] =
          typeof value === 'number'
            ? decimalText(value / 10 ** digits, options.decimalSeparator, digits)
            : '';
        break;
      }
      case 'datetime':
        draft[field.name] = typeof value === 'string' ? localDateTime(value) : '';
        break;
      case 'json':
        draft[field.name] = value === undefined || value === null ? '' : JSON.stringify(value, null, 2);
        break;
      case 'object':
        draft[field.name] = toDraft(field.fields, isObject(value) ? value : {}, options, { useDefaults });
        break;
      default:
        draft[field.name] = value === undefined || value === null ? '' : String(value);
    }
  }
  return draft;
}

function emptyValue(field: FieldModel): null | undefined {
  return field.nullable ? null : undefined;
}

/**
 * The record a draft stands for, as the API wants it, and the values that could not be read at
 * all (a word in a number field, broken JSON). Empty inputs become `null` where the schema allows
 * it and are left out elsewhere, so a missing required field reads "is required".
 *
 * @example
 * fromDraft(fields, { amount: '1234,56', currency: 'EUR' }, opts, msgs).record.amount // 123456
 */
export function fromDraft(
  fields: readonly FieldModel[],
  draft: DraftValues,
  options: DraftOptions,
  messages: DraftMessages,
): { record: Record<string, unknown>; issues: ValidationIssue[] } {
  const record: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  const set = (field: FieldModel, value: unknown) => {
    if (value !== undefined) record[field.name] = value;
  };
  for (const field of fields) {
    const value = draft[field.name];
    if (value === undefined) continue;
    const text = typeof value === 'string' ? value : '';
    switch (field.widget) {
      case 'boolean':
        set(field, value === true);
        break;
      case 'tags':
        set(field, Array.isArray(value) ? value : []);
        break;
      case 'number':
      case 'percent':
      case 'money': {
        if (text.trim() === '') {
          set(field, emptyValue(field));
          break;
        }
        const parsed = parseDecimal(text, options.decimalSeparator);
        if (parsed === undefined) {
          issues.push({ path: field.pointer, code: 'number', message: messages.notANumber });
          break;
        }
        if (field.widget === 'percent') set(field, Math.round(parsed * 1e4) / 1e6);
        else if (field.widget === 'money') {
          const currency = currencyOf(field, { ...draft, ...record }, options.currency);
          set(field, Math.round(parsed * 10 ** currencyDigits(currency)));
        } else set(field, parsed);
        break;
      }
      case 'datetime': {
        if (text === '') set(field, emptyValue(field));
        else {
          const date = new Date(text);
          set(field, Number.isNaN(date.getTime()) ? text : date.toISOString());
        }
        break;
      }
      case 'json': {
        if (text.trim() === '') {
          set(field, emptyValue(field));
          break;
        }
        try {
          set(field, JSON.parse(text));
        } catch {
          issues.push({ path: field.pointer, code: 'json', message: messages.invalidJson });
        }
        break;
      }
      case 'object': {
        const nested = fromDraft(
          field.fields,
          isObject(value) ? (value as DraftValues) : {},
          options,
          messages,
        );
        issues.push(...nested.issues);
        // an embedded object the user left blank is not sent at all
        if (Object.keys(nested.record).length > 0) set(field, nested.record);
        else set(field, emptyValue(field));
        break;
      }
      default:
        set(field, text === '' ? emptyValue(field) : text);
    }
  }
  return { record, issues };
}
