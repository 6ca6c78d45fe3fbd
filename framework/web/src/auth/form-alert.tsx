import { CircleAlert } from 'lucide-react';
import type { ReactNode } from 'react';

/**
 * A form's error, announced when it appears (`role="alert"`).
 *
 * @example
 * {error && <FormAlert>{error}</FormAlert>}
 */
export function FormAlert({ children }: { children: ReactNode }) {
  return (
    <div
      role="alert"
      className="flex items-start gap-2 rounded-md border border-danger/40 bg-danger/10 px-3 py-2 text-foreground text-sm"
    >
      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-danger" />
      <p>{children}</p>
    </div>
  );
}
