import type { ValidationIssue } from '@codexion/schema';
import { useMemo, useState } from 'react';
import { type Resolver, type UseFormReturn, useForm } from 'react-hook-form';
import { ProblemError } from '../api/problem-error.js';
import { useReportProblem } from '../api/use-report-problem.js';
import type { EntityConfig } from '../entity/define-entities.js';
import { type DraftValues, fromDraft, toDraft } from '../entity/draft-values.js';
import { type FieldModel, schemaFields } from '../entity/field-model.js';
import { fieldPathOf } from '../entity/json-pointer.js';
import { validateSchema } from '../entity/validate-record.js';
import { type ActionText, useActionText } from '../i18n/use-action-text.js';
import { useIssueMessage } from '../i18n/use-issue-message.js';
import type { ActionDeclaration } from './action-declaration.js';
import { useDraftSettings } from './use-draft-settings.js';
import { fieldPaths, placeIssues, resolverErrors } from './use-schema-form.js';

/** An action's input as the form sends it: the request body. */
export type ActionInput = Record<string, unknown>;

export interface UseActionFormOptions<I extends ActionInput, R> {
  /** the action's `core/actions/<name>.json` */
  action: ActionDeclaration;
  /** the entity it works on: its catalog resolves `$ref`s and relations, its rules' messages translate */
  entity?: EntityConfig | undefined;
  /** values the form starts with (and returns to after each run); the schema's defaults fill the rest */
  initialValues?: Partial<I> | undefined;
  /**
   * checks the schema cannot say, on the input that passed parsing: an entity rule on the record
   * as the action would leave it. Its issues (JSON Pointers: `/lostReason`) win over the schema's
   * on the same field, being the more specific words.
   */
  check?: ((input: I) => readonly ValidationIssue[]) | undefined;
  /** sends the input: the generated SDK call, with `throwOnError` so a refusal throws its ProblemError */
  run: (input: I) => Promise<R>;
  /** after a run that succeeded, with what it answered */
  onDone?: ((result: R) => void) | undefined;
}

export interface ActionFormState {
  form: UseFormReturn<DraftValues>;
  /** one per property of the request schema the user may fill in, placeholders and hints translated */
  fields: FieldModel[];
  text: ActionText;
  /** submit handler: validates, runs, and puts refusals on their fields */
  submit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  busy: boolean;
  /** what the browser or the server said about no field of the form */
  formError: string | undefined;
  /** back to the initial values, no messages */
  reset: () => void;
}

/**
 * The state of a form asking for an action's input, built from the action's request schema: the
 * same draft values and widgets as an entity form, Ajv validation against the request schema plus
 * an optional `check`, one `run` per valid submit, and the server's problem+json field errors on
 * their fields (any other problem in a toast).
 *
 * @example
 * const state = useActionForm<LoseDealData['body'], Deal>({
 *   action: loseDealAction as ActionDeclaration,
 *   entity: crm.entity('deal'),
 *   run: (body) => loseDeal({ client, path: { id }, body, throwOnError: true }).then((r) => r.data),
 * });
 */
export function useActionForm<I extends ActionInput, R = unknown>({
  action,
  entity,
  initialValues,
  check,
  run,
  onDone,
}: UseActionFormOptions<I, R>): ActionFormState {
  const reportProblem = useReportProblem();
  const issueMessage = useIssueMessage(entity);
  const text = useActionText(action, entity);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string>();

  const schema = useMemo(() => action.request ?? { type: 'object' as const }, [action.request]);
  const fields = useMemo(
    () =>
      schemaFields(schema, entity?.catalog)
        .filter((field) => !field.readOnly && !field.hidden)
        .map(function withText(field): FieldModel {
          return {
            ...field,
            placeholder: text.placeholder(field),
            help: text.help(field),
            fields: field.fields.map(withText),
          };
        }),
    [schema, entity, text],
  );
  const paths = useMemo(() => fieldPaths(fields), [fields]);
  const { options: draftOptions, messages } = useDraftSettings();
  const defaultValues = useMemo(
    () => toDraft(fields, initialValues ?? {}, draftOptions, { useDefaults: true }),
    [fields, initialValues, draftOptions],
  );

  const resolver: Resolver<DraftValues> = async (values) => {
    const { record, issues } = fromDraft(fields, values, draftOptions, messages);
    const checked = issues.length === 0 && check ? check(record as I) : [];
    const checkedPaths = new Set(checked.map((issue) => fieldPathOf(issue.path)));
    const schemaIssues = validateSchema(schema, record, entity?.catalog).filter(
      (issue) => !checkedPaths.has(fieldPathOf(issue.path)),
    );
    const all = [...issues, ...checked, ...schemaIssues].map((issue) => ({
      ...issue,
      message: issueMessage(issue),
    }));
    return all.length ? { values: {}, errors: resolverErrors(all, paths) } : { values, errors: {} };
  };

  const form = useForm<DraftValues>({ defaultValues, resolver, mode: 'onSubmit' });

  const submit = form.handleSubmit(async (values) => {
    const { record } = fromDraft(fields, values, draftOptions, messages);
    setBusy(true);
    setServerError(undefined);
    try {
      // the resolver checked the record against the request schema: it is the body `run` types
      const result = await run(record as I);
      form.reset(defaultValues);
      onDone?.(result);
    } catch (error) {
      if (!(error instanceof ProblemError) || error.errors.length === 0) {
        reportProblem(error);
        return;
      }
      const { onFields, elsewhere } = placeIssues(error.errors, paths);
      let first = true;
      for (const [path, issue] of onFields) {
        form.setError(path, { type: 'server', message: issueMessage(issue) }, { shouldFocus: first });
        first = false;
      }
      if (elsewhere.length) setServerError(elsewhere.map((issue) => issueMessage(issue)).join(' '));
      // a refusal that names no field of the form (a 409, a path parameter) still gets said
      if (onFields.size === 0) reportProblem(error);
    } finally {
      setBusy(false);
    }
  });

  const reset = () => {
    form.reset(defaultValues);
    setServerError(undefined);
  };
  const rootMessage = form.formState.errors.root?.message;
  return { form, fields, text, submit, busy, formError: rootMessage ?? serverError, reset };
}
