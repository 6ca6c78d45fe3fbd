import type { ResourceHooks } from '@codexion/framework';

type Row = Record<string, unknown>;

/**
 * `doneAt` when `done` turns: set to now when the activity becomes done without one, cleared
 * when it is reopened. A `doneAt` sent with `done: false` is left for the `done-at-needs-done`
 * rule to refuse: dropping what a client sent would hide its mistake.
 */
function withDoneAt(next: Row, previous: Row | undefined): Row {
  const wasDone = previous?.done === true;
  if (next.done === true && !wasDone && !next.doneAt) return { ...next, doneAt: new Date().toISOString() };
  if (next.done === false && wasDone && next.doneAt === previous?.doneAt) return { ...next, doneAt: null };
  return next;
}

/**
 * The activity's server-set field: `doneAt` follows `done` (see `withDoneAt`).
 *
 * @example
 * definePlugin({ …, hooks: { activity: activityHooks() } })
 */
export function activityHooks(): ResourceHooks {
  return {
    beforeCreate: (_ctx, input) => withDoneAt(input, undefined),
    beforeUpdate: (_ctx, next, previous) => withDoneAt(next, previous),
  };
}
