import type { ValidationIssue } from '@codexion/schema';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { type FieldErrors, type Resolver, type UseFormReturn, useForm } from 'react-hook-form';
import { useApi } from '../api/api-provider.js';
import { ProblemError } from '../api/problem-error.js';
import { useReportProblem } from '../api/use-report-problem.js';
import type { EntityConfig } from '../entity/define-entities.js';
import { type DraftValues, fromDraft, toDraft } from '../entity/draft-values.js';
import { type FieldModel, type FormSection, formSections, writableFields } from '../entity/field-model.js';
import { fieldPathOf, pointerTokens } from '../entity/json-pointer.js';
import { mergePatch } from '../entity/merge-patch.js';
import { validateRecord } from '../entity/validate-record.js';
import { useIssueMessage } from '../i18n/use-issue-message.js';
import { callResource } from '../resource/call-resource.js';
import { type ResourceRecord, resourceKeys } from '../resource/resource-queries.js';
import { useDraftSettings } from './use-draft-settings.js';

export type FormMode = 'create' | 'edit';

export interface UseSchemaFormOptions {
  entity: EntityConfig;
  mode: FormMode;
  /** the record being edited, as last read */
  record?: ResourceRecord;
  /** its ETag, sent as `If-Match` */
  etag?: string;
  /** values to start a new record with (a kanban column, a parent id) */
  initialValues?: ResourceRecord;
  onSaved?: (record: ResourceRecord) => void;
}

export interface SchemaFormState {
  form: UseFormReturn<DraftValues>;
  sections: FormSection[];
  fields: FieldModel[];
  /** submit handler for the `<form>` */
  submit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  saving: boolean;
  /** the server refused the edit because the record changed since it was read (412) */
  conflict: boolean;
  /** errors the server or the rules put on no field, or on a field the form does not show */
  formErrors: ValidationIssue[];
}

function setIn(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  keys.forEach((key, index) => {
    // an issue on a JSON field and one inside it (`lines`, `lines.0.qty`) both stay
    if (index === keys.length - 1) node[key] = { ...(node[key] as object | undefined), ...(value as object) };
    else {
      node[key] = (node[key] ?? {}) as Record<string, unknown>;
      node = node[key] as Record<string, unknown>;
    }
  });
}

/** The form paths of fields and their embedded parts: where an issue may land. */
export function fieldPaths(fields: readonly FieldModel[]): Set<string> {
  const paths = new Set<string>();
  for (const field of fields) {
    paths.add(field.path);
    for (const nested of field.fields) paths.add(nested.path);
  }
  return paths;
}

/**
 * Splits issues into those that land on a field the form shows and the rest. An issue on an
 * embedded object's part lands on that part; one inside a JSON field's value (`containers`, e.g.
 * `lines.2.qty` of `lines`) keeps its full path; one on a field the form does not show is returned.
 */
export function placeIssues(
  issues: readonly ValidationIssue[],
  paths: ReadonlySet<string>,
  containers: ReadonlySet<string> = new Set(),
) {
  const onFields = new Map<string, ValidationIssue>();
  const elsewhere: ValidationIssue[] = [];
  for (const issue of issues) {
    const path = fieldPathOf(issue.path);
    if (paths.has(path) || withinField(path, containers)) {
      if (!onFields.has(path)) onFields.set(path, issue);
    } else elsewhere.push(issue);
  }
  return { onFields, elsewhere };
}

/** Whether a path lies inside one of the containers' values (`lines.2.qty` inside `lines`). */
function withinField(path: string, containers: ReadonlySet<string>): boolean {
  const tokens = path.split('.');
  for (let end = tokens.length - 1; end > 0; end--)
    if (containers.has(tokens.slice(0, end).join('.'))) return true;
  return false;
}

/** The paths of the fields whose value is JSON (an array of lines): issues inside them stay there. */
export function jsonFieldPaths(fields: readonly FieldModel[]): Set<string> {
  return new Set(fields.filter((field) => field.widget === 'json').map((field) => field.path));
}

/**
 * Issues found in the browser as react-hook-form errors: each on its field, the rest joined in
 * `root`. No issues, no errors.
 *
 * @example
 * resolverErrors([{ path: '/name', code: 'required', message: 'is required' }], new Set(['name']))
 * // { name: { type: 'required', message: 'is required' } }
 */
export function resolverErrors(
  issues: readonly ValidationIssue[],
  paths: ReadonlySet<string>,
  containers: ReadonlySet<string> = new Set(),
): FieldErrors<DraftValues> {
  const { onFields, elsewhere } = placeIssues(issues, paths, containers);
  const errors: Record<string, unknown> = {};
  for (const [path, issue] of onFields) setIn(errors, path, { type: issue.code, message: issue.message });
  if (elsewhere.length)
    errors.root = {
      type: elsewhere[0]?.code ?? 'invalid',
      message: elsewhere.map((i) => i.message).join(' '),
    };
  return errors as FieldErrors<DraftValues>;
}

/** The writable part of a stored record: what the form's record is merged onto before validation. */
function writablePart(entity: EntityConfig, record: ResourceRecord | undefined): ResourceRecord {
  if (!record) return {};
  const names = new Set(writableFields(entity, 'create').map((field) => field.name));
  return Object.fromEntries(Object.entries(record).filter(([key]) => names.has(key)));
}

/**
 * The state of a create or edit form built from an entity's schema: react-hook-form over draft
 * values, validated with the server's Ajv schema and JSON Logic rules, submitting a POST or a
 * JSON Merge Patch with `If-Match`, and putting the server's problem+json field errors on their
 * fields.
 *
 * @example
 * const state = useSchemaForm({ entity: account, mode: 'edit', record, etag, onSaved: (r) => navigate(`../${r.id}`) });
 */
export function useSchemaForm({
  entity,
  mode,
  record,
  etag,
  initialValues,
  onSaved,
}: UseSchemaFormOptions): SchemaFormState {
  const { client, baseUrl } = useApi();
  const queryClient = useQueryClient();
  const reportProblem = useReportProblem();
  const issueMessage = useIssueMessage(entity);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [serverErrors, setServerErrors] = useState<ValidationIssue[]>([]);

  const sections = useMemo(() => formSections(entity, mode), [entity, mode]);
  const fields = useMemo(() => sections.flatMap((section) => section.fields), [sections]);
  const paths = useMemo(() => fieldPaths(fields), [fields]);
  const containers = useMemo(() => jsonFieldPaths(fields), [fields]);
  const { options: draftOptions, messages } = useDraftSettings();
  const base = useMemo(() => writablePart(entity, record), [entity, record]);

  const toRecord = (values: DraftValues) => {
    const { record: edited, issues } = fromDraft(fields, values, draftOptions, messages);
    const full: ResourceRecord = { ...base };
    for (const field of fields) delete full[field.name];
    Object.assign(full, edited);
    return { edited, full, issues };
  };

  const resolver: Resolver<DraftValues> = async (values) => {
    const { full, issues } = toRecord(values);
    const derived = entity.options.derive ? entity.options.derive(full) : full;
    const all = [...issues, ...validateRecord(entity, derived, { previous: record })].map((issue) => ({
      ...issue,
      message: issueMessage(issue),
    }));
    const errors = resolverErrors(all, paths, containers);
    return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} };
  };

  const defaultValues = useMemo(
    () =>
      toDraft(fields, { ...(initialValues ?? {}), ...(record ?? {}) }, draftOptions, {
        useDefaults: mode === 'create',
      }),
    [fields, record, initialValues, draftOptions, mode],
  );
  const form = useForm<DraftValues>({ defaultValues, resolver, mode: 'onTouched' });

  // a newer version of the record (after "reload") replaces what the form shows
  useEffect(() => {
    form.reset(defaultValues);
    setConflict(false);
  }, [defaultValues, form]);

  // Rules reach across fields ("a won deal needs an amount"): when any value changes, re-check the
  // fields rules report on, so the server's message shows as soon as it applies, not on submit.
  const rulePaths = useMemo(
    () => [...new Set(entity.rules.map((rule) => fieldPathOf(rule.path)))].filter((path) => paths.has(path)),
    [entity, paths],
  );
  useEffect(() => {
    if (!rulePaths.length) return;
    const subscription = form.watch((_values, { name, type }) => {
      if (type !== 'change' || !name) return;
      const targets = rulePaths.filter((path) => path !== name);
      // a field showing an error is re-checked as it is typed in, so the message goes once fixed
      if (form.getFieldState(name).error) targets.push(name);
      void form.trigger(targets);
    });
    return () => subscription.unsubscribe();
  }, [form, rulePaths]);

  const submit = form.handleSubmit(async (values) => {
    const { edited, full } = toRecord(values);
    setSaving(true);
    setServerErrors([]);
    try {
      let saved: ResourceRecord;
      if (mode === 'create') {
        // a new record has nothing to clear: empty optional fields are left out, not sent as null
        const body = Object.fromEntries(Object.entries(edited).filter(([, value]) => value !== null));
        const { data } = await callResource<ResourceRecord>(entity, 'create', { client, body });
        saved = data;
      } else {
        const id = String(record?.[entity.primaryKey] ?? '');
        const patch = mergePatch(base, full, [...fields.map((field) => field.name)]);
        if (Object.keys(patch).length === 0) {
          onSaved?.(record ?? {});
          return;
        }
        const { data } = await callResource<ResourceRecord>(entity, 'update', {
          client,
          path: { id },
          body: patch,
          headers: etag ? { 'if-match': etag } : {},
        });
        saved = data;
      }
      await queryClient.invalidateQueries({ queryKey: resourceKeys.all(baseUrl, entity.resource) });
      form.reset(values);
      onSaved?.(saved);
    } catch (error) {
      if (error instanceof ProblemError && error.status === 412) {
        setConflict(true);
        return;
      }
      if (error instanceof ProblemError && error.errors.length) {
        const { onFields, elsewhere } = placeIssues(error.errors, paths, containers);
        let first = true;
        for (const [path, issue] of onFields) {
          form.setError(path, { type: 'server', message: issue.message }, { shouldFocus: first });
          first = false;
        }
        // a pointer to no field (`/items`, `''`, a field the form hides) still has something to say
        const named = elsewhere.map((issue) => {
          const tokens = pointerTokens(issue.path).filter((token) => token !== 'body');
          return tokens.length ? { ...issue, message: `${tokens.join('.')}: ${issue.message}` } : issue;
        });
        setServerErrors(named);
        if (!onFields.size) reportProblem(error);
        return;
      }
      reportProblem(error);
    } finally {
      setSaving(false);
    }
  });

  const rootMessage = form.formState.errors.root?.message;
  const formErrors = rootMessage
    ? [{ path: '', code: 'root', message: rootMessage }, ...serverErrors]
    : serverErrors;
  return { form, sections, fields, submit, saving, conflict, formErrors };
}
