import { Slot } from 'radix-ui';
import {
  type ComponentProps,
  createContext,
  isValidElement,
  type ReactElement,
  type ReactNode,
  useContext,
  useId,
} from 'react';
import { cn } from '../lib/cn.js';
import { Label } from './label.js';

/** The attributes FormField puts on its control. */
export interface FormControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

/** The ids and state of the field around a control. */
export interface FormFieldContextValue {
  controlId: string;
  labelId: string;
  descriptionId: string | undefined;
  errorId: string | undefined;
  invalid: boolean;
  required: boolean;
  controlProps: FormControlProps;
}

const FormFieldContext = createContext<FormFieldContextValue | undefined>(undefined);

/**
 * The field around a custom control: its ids and the aria attributes to put on it.
 *
 * @example
 * function RatingInput() {
 *   const field = useFormField();
 *   return <div role="radiogroup" aria-labelledby={field?.labelId} {...field?.controlProps}>…</div>;
 * }
 */
export function useFormField(): FormFieldContextValue | undefined {
  return useContext(FormFieldContext);
}

export interface FormFieldProps extends Omit<ComponentProps<'div'>, 'children'> {
  label: ReactNode;
  /** help under the control */
  description?: ReactNode;
  /** the validation message; when set the control is marked aria-invalid */
  error?: ReactNode;
  required?: boolean;
  /** the control's id; generated when not given (an `id` on the child element wins) */
  controlId?: string;
  /** keep the label for screen readers only */
  hideLabel?: boolean;
  /** `horizontal` puts the label after the control (checkbox, switch) */
  orientation?: 'vertical' | 'horizontal';
  /**
   * The control. An element gets `id`, `aria-describedby`, `aria-invalid` and `aria-required`
   * merged in; a function receives them to place where they belong (e.g. on `SelectTrigger`).
   */
  children: ReactElement | ((control: FormControlProps) => ReactNode);
}

function childId(children: FormFieldProps['children']): string | undefined {
  if (!isValidElement<{ id?: unknown }>(children)) return undefined;
  return typeof children.props.id === 'string' ? children.props.id : undefined;
}

/**
 * A form field: label, control, description and error message, wired together for assistive
 * technology (`htmlFor`, `aria-describedby`, `aria-invalid`).
 *
 * @example
 * <FormField label="Email" description="We never share it." error={errors.email?.message} required>
 *   <Input type="email" {...register('email')} />
 * </FormField>
 *
 * <FormField label="Stage">
 *   {(control) => (
 *     <Select value={stage} onValueChange={setStage}>
 *       <SelectTrigger {...control}><SelectValue /></SelectTrigger>
 *       <SelectContent>…</SelectContent>
 *     </Select>
 *   )}
 * </FormField>
 */
export function FormField({
  label,
  description,
  error,
  required = false,
  controlId,
  hideLabel = false,
  orientation = 'vertical',
  className,
  children,
  ...props
}: FormFieldProps) {
  const generated = useId();
  const id = childId(children) ?? controlId ?? `${generated}-control`;
  const labelId = `${generated}-label`;
  const hasDescription = description !== undefined && description !== null && description !== false;
  const invalid = error !== undefined && error !== null && error !== false && error !== '';
  const descriptionId = hasDescription ? `${generated}-description` : undefined;
  const errorId = invalid ? `${generated}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ');
  const controlProps: FormControlProps = {
    id,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(invalid ? { 'aria-invalid': true } : {}),
    ...(required ? { 'aria-required': true } : {}),
  };
  const context: FormFieldContextValue = {
    controlId: id,
    labelId,
    descriptionId,
    errorId,
    invalid,
    required,
    controlProps,
  };

  const labelElement = (
    <Label
      id={labelId}
      htmlFor={id}
      data-slot="form-field-label"
      className={cn('gap-1', hideLabel && 'sr-only', invalid && 'text-danger')}
    >
      {label}
      {required && (
        <span aria-hidden="true" className="text-danger">
          *
        </span>
      )}
    </Label>
  );
  const control =
    typeof children === 'function' ? (
      children(controlProps)
    ) : (
      <Slot.Root {...controlProps}>{children}</Slot.Root>
    );
  const messages = (
    <>
      {hasDescription && (
        <p id={descriptionId} data-slot="form-field-description" className="text-muted-foreground text-sm">
          {description}
        </p>
      )}
      {invalid && (
        <p id={errorId} data-slot="form-field-error" className="font-medium text-danger text-sm">
          {error}
        </p>
      )}
    </>
  );

  return (
    <FormFieldContext value={context}>
      <div
        data-slot="form-field"
        data-invalid={invalid || undefined}
        data-orientation={orientation}
        className={cn(
          orientation === 'horizontal' ? 'flex items-start gap-3' : 'grid content-start gap-2',
          className,
        )}
        {...props}
      >
        {orientation === 'horizontal' ? (
          <>
            <div className="flex h-5 items-center">{control}</div>
            <div className="grid gap-1.5">
              {labelElement}
              {messages}
            </div>
          </>
        ) : (
          <>
            {labelElement}
            {control}
            {messages}
          </>
        )}
      </div>
    </FormFieldContext>
  );
}
