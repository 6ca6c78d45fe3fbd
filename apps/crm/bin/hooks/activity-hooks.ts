import type { Draft, ResourceHooks } from '@codexion/framework/plugins';
import type { Activity } from '../../core/generated/client/types.gen.js';
import { crm } from '../crm.js';

/**
 * `doneAt` when `done` turns: set to now when the activity becomes done without one, cleared
 * when it is reopened. A `doneAt` sent with `done: false` is left for the `done-at-needs-done`
 * rule to refuse: dropping what a client sent would hide its mistake.
 */
function withDoneAt(
  next: Partial<Draft<Activity>>,
  previous: Activity | undefined,
): Partial<Draft<Activity>> {
  const wasDone = previous?.done === true;
  if (next.done === true && !wasDone && !next.doneAt) return { ...next, doneAt: new Date().toISOString() };
  if (next.done === false && wasDone && next.doneAt === previous?.doneAt) return { ...next, doneAt: null };
  return next;
}

/**
 * The activity's server-set field: `doneAt` follows `done` (see `withDoneAt`), before validation,
 * so the `done-at-needs-done` rule sees it.
 *
 * @example
 * definePlugin({ …, hooks: { activity: activityHooks() } })
 */
export function activityHooks(): ResourceHooks<Activity> {
  return crm.defineHooks('activity', {
    prepare: (_ctx, input, previous) => withDoneAt(input, previous),
  });
}
