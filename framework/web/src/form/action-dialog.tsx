import { Dialog, DialogContent } from '@codexion/resources';
import { type ReactNode, useEffect } from 'react';
import { FormProvider } from 'react-hook-form';
import { DialogForm } from './dialog-form.js';
import { SchemaFieldControl } from './field-control.js';
import { type ActionInput, type UseActionFormOptions, useActionForm } from './use-action-form.js';

export interface ActionDialogProps<I extends ActionInput, R> extends UseActionFormOptions<I, R> {
  title: ReactNode;
  description: ReactNode;
  submitLabel: string;
  /** the submit button's look: `danger` for what cannot be undone */
  variant?: 'default' | 'danger';
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * A dialog that asks for an action's input and runs it: one control per property of the action's
 * request schema (widgets and required stars as in entity forms, labels from the app's
 * `actions.<actionId>.fields.*`), Ajv and `check` before sending, the server's field errors on
 * their fields, closing once `run` succeeded and then calling `onDone`.
 *
 * @example
 * <ActionDialog<LoseDealData['body'], unknown>
 *   action={loseDealAction as ActionDeclaration}
 *   entity={crm.entity('deal')}
 *   title="Why was it lost?" description="…" submitLabel="Mark as lost" variant="danger"
 *   run={(body) => lose.mutateAsync((client) => loseDeal({ client, path: { id }, body, throwOnError: true }))}
 *   onDone={() => toast.success('Marked lost')}
 *   open={open} onOpenChange={setOpen}
 * />
 */
export function ActionDialog<I extends ActionInput, R = unknown>({
  title,
  description,
  submitLabel,
  variant = 'default',
  open,
  onOpenChange,
  onDone,
  ...options
}: ActionDialogProps<I, R>) {
  const state = useActionForm<I, R>({
    ...options,
    onDone: (result) => {
      onOpenChange(false);
      onDone?.(result);
    },
  });
  const { reset } = state;
  // each opening starts from the initial values, whatever was typed or refused before
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the opening resets, not a new `reset`
  useEffect(() => {
    if (open) reset();
  }, [open]);

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <FormProvider {...state.form}>
          <DialogForm
            title={title}
            description={description}
            submitLabel={submitLabel}
            variant={variant}
            busy={state.busy}
            onSubmit={() => void state.submit()}
            onCancel={() => onOpenChange(false)}
          >
            {state.formError && (
              <p role="alert" className="text-destructive text-sm">
                {state.formError}
              </p>
            )}
            {state.fields.map((field) => (
              <SchemaFieldControl
                key={field.path}
                field={field}
                text={state.text}
                catalog={options.entity?.catalog}
              />
            ))}
          </DialogForm>
        </FormProvider>
      </DialogContent>
    </Dialog>
  );
}
