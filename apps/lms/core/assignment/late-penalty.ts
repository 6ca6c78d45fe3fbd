/** The part of an assignment its late policy reads. */
export interface LatePolicy {
  dueAt: string;
  hardDeadlineAt?: string | null;
  latePolicy: 'none' | 'per-day' | 'flat';
  latePenaltyPercent?: number;
  latePenaltyMaxPercent?: number;
}

/** What a submission at a moment gets: refused after the hard deadline, else its penalty. */
export type Lateness =
  | { open: true; late: boolean; daysLate: number; penaltyPercent: number }
  | { open: false; closedAt: string };

const day = 86_400_000;

/**
 * The hard deadline in force: the given one, else the due date itself when the policy takes
 * nothing late (`none`), else none at all.
 *
 * @example
 * hardDeadline({ dueAt: '2026-12-01T12:00:00Z', latePolicy: 'none' }) // '2026-12-01T12:00:00Z'
 */
export function hardDeadline(policy: LatePolicy): string | null {
  return policy.hardDeadlineAt ?? (policy.latePolicy === 'none' ? policy.dueAt : null);
}

/**
 * Whether a submission at `at` is taken and what lateness costs it: `per-day` takes the penalty
 * per started day after the due date, `flat` once, both capped at `latePenaltyMaxPercent`.
 *
 * @example
 * lateness({ dueAt: '2026-12-01T12:00:00Z', latePolicy: 'per-day', latePenaltyPercent: 10 }, '2026-12-02T13:00:00Z')
 * // { open: true, late: true, daysLate: 2, penaltyPercent: 20 }
 */
export function lateness(policy: LatePolicy, at: string): Lateness {
  const when = Date.parse(at);
  const hard = hardDeadline(policy);
  if (hard !== null && when > Date.parse(hard)) return { open: false, closedAt: hard };
  const overdue = when - Date.parse(policy.dueAt);
  if (overdue <= 0) return { open: true, late: false, daysLate: 0, penaltyPercent: 0 };
  const daysLate = Math.ceil(overdue / day);
  const percent = policy.latePenaltyPercent ?? 0;
  const raw =
    policy.latePolicy === 'per-day' ? percent * daysLate : policy.latePolicy === 'flat' ? percent : 0;
  return {
    open: true,
    late: true,
    daysLate,
    penaltyPercent: Math.min(raw, policy.latePenaltyMaxPercent ?? 100, 100),
  };
}
