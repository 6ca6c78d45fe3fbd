import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FormField, useFormField } from './form-field.js';
import { Input } from './input.js';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from './select.js';

function Custom() {
  const field = useFormField();
  return <fieldset aria-labelledby={field?.labelId} data-invalid={field?.invalid} />;
}

describe('FormField', () => {
  it('labels the control and wires description and error with aria-describedby and aria-invalid', () => {
    render(
      <FormField label="Email" description="We never share it." error="Enter a valid email." required>
        <Input type="email" />
      </FormField>,
    );
    const input = screen.getByRole('textbox', { name: /Email/ });
    const description = screen.getByText('We never share it.');
    const error = screen.getByText('Enter a valid email.');
    expect(input.getAttribute('aria-describedby')).toBe(`${description.id} ${error.id}`);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-required')).toBe('true');
    expect(screen.getByText('Email').closest('label')?.getAttribute('for')).toBe(input.id);
  });

  it('leaves aria-invalid off and describes by the description only while valid', () => {
    render(
      <FormField label="Name" description="As on the invoice.">
        <Input />
      </FormField>,
    );
    const input = screen.getByRole('textbox', { name: 'Name' });
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.getAttribute('aria-describedby')).toBe(screen.getByText('As on the invoice.').id);
  });

  it("keeps the child's own id", () => {
    render(
      <FormField label="Code">
        <Input id="code" />
      </FormField>,
    );
    expect(screen.getByRole('textbox', { name: 'Code' }).id).toBe('code');
  });

  it('hands the control props to a render function (for composed controls like Select)', () => {
    render(
      <FormField label="Stage" error="Choose a stage.">
        {(control) => (
          <Select>
            <SelectTrigger {...control}>
              <SelectValue placeholder="Choose" />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="won">Won</SelectItem>
            </SelectContent>
          </Select>
        )}
      </FormField>,
    );
    const trigger = screen.getByRole('combobox', { name: 'Stage' });
    expect(trigger.getAttribute('aria-invalid')).toBe('true');
    expect(trigger.getAttribute('aria-describedby')).toBe(screen.getByText('Choose a stage.').id);
  });

  it('gives custom controls the ids through useFormField', () => {
    render(
      <FormField label="Rating" error="Too low">
        <Custom />
      </FormField>,
    );
    const group = screen.getByRole('group', { name: 'Rating' });
    expect(group.dataset.invalid).toBe('true');
  });
});
