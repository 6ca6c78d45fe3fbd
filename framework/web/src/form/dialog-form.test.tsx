import { Dialog, DialogContent } from '@codexion/resources';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ProblemError } from '../api/problem-error.js';
import { DialogForm } from './dialog-form.js';
import { useFieldErrors } from './use-field-errors.js';

const refusal = new ProblemError({
  type: 'about:blank',
  title: 'The request has invalid fields',
  status: 422,
  code: 'VALIDATION_FAILED',
  errors: [
    { path: '/body/email', code: 'format', message: 'must be an email' },
    { path: '/body/tagIds/2', code: 'reference', message: 'refers to no tag of this tenant' },
  ],
});

/** A dialog asking for an email and tags whose submit the server refuses. */
function InviteDialog({ onCancel }: { onCancel: () => void }) {
  const fieldErrors = useFieldErrors(['email', 'tagIds'] as const);
  return (
    <Dialog open>
      <DialogContent>
        <DialogForm
          title="Invite"
          description="Who joins"
          submitLabel="Send"
          onSubmit={() => fieldErrors.report(refusal)}
          onCancel={onCancel}
        >
          <label htmlFor="email">Email</label>
          <input id="email" aria-describedby="email-error" />
          <p id="email-error">{fieldErrors.errors.email}</p>
          <p id="tags-error">{fieldErrors.errors.tagIds}</p>
        </DialogForm>
      </DialogContent>
    </Dialog>
  );
}

describe('DialogForm with useFieldErrors', () => {
  it("shows each of the server's field issues on its field, an item's on its array", () => {
    render(<InviteDialog onCancel={() => undefined} />);
    expect(screen.queryByText('must be an email')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByText('must be an email').id).toBe('email-error');
    expect(screen.getByText('refers to no tag of this tenant').id).toBe('tags-error');
  });

  it('cancels without submitting', () => {
    const onCancel = vi.fn();
    render(<InviteDialog onCancel={onCancel} />);
    const buttons = screen.getAllByRole('button');
    const cancel = buttons.find(
      (button) => button.textContent !== 'Send' && button.getAttribute('type') !== 'submit',
    );
    expect(cancel).toBeDefined();
    if (cancel) fireEvent.click(cancel);
    expect(onCancel).toHaveBeenCalled();
    expect(screen.queryByText('must be an email')).toBeNull();
  });
});
