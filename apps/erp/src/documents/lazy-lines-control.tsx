import { Skeleton } from '@codexion/resources';
import type { CustomFieldControlProps } from '@codexion/web';
import { lazy, Suspense } from 'react';

const LinesControl = lazy(() => import('./lines-control.js').then((m) => ({ default: m.LinesControl })));

/**
 * The line table of a document form, loaded with the form that shows it (not with the module):
 * what `EntityOptions.fieldControls` names for `lines` and `allocations`.
 */
export function LazyLinesControl(props: CustomFieldControlProps) {
  return (
    <Suspense fallback={<Skeleton className="h-40 sm:col-span-2" />}>
      <LinesControl {...props} />
    </Suspense>
  );
}
