import { escapePointerToken, type JsonLogic, jsonLogic } from '@codexion/schema';
import { ReleaseError } from './release-error.js';
import {
  dripOpensLogic,
  prerequisiteLogic,
  type ReleaseCondition,
  type ReleaseFacts,
} from './release-logic.js';

/** An outline item a learner opens: a section, lesson, quiz or assignment, in outline order. */
export interface ReleaseItem {
  id: string;
  /** shown in reasons; the id when absent */
  title?: string;
  /** the section it is in: an item listed before it */
  parentId?: string | null;
  conditions?: readonly ReleaseCondition[];
}

/** A course outline for release: its items in order, and whether it goes in order. */
export interface ReleaseOutline {
  items: readonly ReleaseItem[];
  /** each item needs its previous sibling (same parent) completed */
  sequential?: boolean;
  /** titles of items outside the outline that prerequisites name (other courses) */
  titles?: Readonly<Record<string, string>>;
}

/** One learner's progress, as the server reads it. */
export interface ProgressFacts {
  /** ids of completed items (and courses) */
  completed: readonly string[];
  /** grades by item id, in percent with at most two decimals */
  grades?: Readonly<Record<string, number>>;
  /** ISO 8601 */
  enrolledAt: string;
  /** ISO 8601; the cohort's start, when the learner is in one */
  cohortStartAt?: string | null;
  /** ISO 8601 */
  now: string;
}

/** The message keys of `release-messages.json`. */
export type ReasonKey =
  | 'prerequisite'
  | 'prerequisiteGrade'
  | 'drip'
  | 'dripCohort'
  | 'sequential'
  | 'parentLocked';

/** Why an item is locked: a message key of `release-messages.json` and its parameters. */
export interface LockedReason {
  key: ReasonKey;
  params: Record<string, string | number | string[]>;
}

export interface ReleaseState {
  itemId: string;
  locked: boolean;
  /** every unmet condition, empty when the item is open */
  reasons: LockedReason[];
}

function facts(progress: ProgressFacts): ReleaseFacts {
  const at = (value: unknown, path: string): number => {
    const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(ms))
      throw new ReleaseError('bad-facts', path, `${path}: ${String(value)} is not an ISO 8601 date-time`);
    return ms;
  };
  if (!Array.isArray(progress.completed) || progress.completed.some((id) => typeof id !== 'string'))
    throw new ReleaseError('bad-facts', '/completed', '/completed: a list of item ids');
  const graded = Object.entries(progress.grades ?? {}).map(([id, percent]) => {
    if (typeof percent !== 'number' || !(percent >= 0 && percent <= 1_000))
      throw new ReleaseError(
        'bad-facts',
        `/grades/${escapePointerToken(id)}`,
        `/grades/${escapePointerToken(id)}: a percent from 0 to 1000`,
      );
    return { id, percentBp: Math.round(percent * 100) };
  });
  return {
    completed: [...progress.completed],
    graded,
    enrolledAt: at(progress.enrolledAt, '/enrolledAt'),
    cohortStartAt: progress.cohortStartAt == null ? null : at(progress.cohortStartAt, '/cohortStartAt'),
    now: at(progress.now, '/now'),
  };
}

function checkCondition(condition: ReleaseCondition, path: string): void {
  const bad = (where: string, why: string): never => {
    throw new ReleaseError('bad-rule', `${path}${where}`, `${path}${where}: ${why}`);
  };
  if (condition?.kind === 'prerequisite') {
    const ids: unknown = condition.itemIds;
    if (
      !Array.isArray(ids) ||
      ids.length === 0 ||
      ids.length > 50 ||
      ids.some((id) => typeof id !== 'string' || id === '')
    )
      bad('/itemIds', 'a prerequisite names 1 to 50 item ids');
    const min = condition.minPercent;
    if (
      min != null &&
      !(
        typeof min === 'number' &&
        min >= 0 &&
        min <= 100 &&
        Math.abs(Math.round(min * 100) - min * 100) < 1e-6
      )
    )
      bad('/minPercent', 'a percent from 0 to 100 with at most two decimals');
  } else if (condition?.kind === 'drip') {
    if (condition.from !== 'enrolment' && condition.from !== 'cohort')
      bad('/from', 'a drip counts from "enrolment" or "cohort"');
    if (!Number.isInteger(condition.days) || condition.days < 0 || condition.days > 3_650)
      bad('/days', 'a whole number of days from 0 to 3650');
  } else bad('/kind', `"${String((condition as { kind?: unknown })?.kind)}" is not "prerequisite" or "drip"`);
}

function checkOutline(outline: ReleaseOutline): void {
  const seen = new Set<string>();
  outline.items.forEach((item, i) => {
    if (typeof item?.id !== 'string' || item.id === '')
      throw new ReleaseError('bad-rule', `/items/${i}/id`, `/items/${i}/id: an item id`);
    if (seen.has(item.id))
      throw new ReleaseError('bad-rule', `/items/${i}/id`, `/items/${i}/id: "${item.id}" appears twice`);
    if (item.parentId != null && !seen.has(item.parentId))
      throw new ReleaseError(
        'bad-rule',
        `/items/${i}/parentId`,
        `/items/${i}/parentId: "${item.parentId}" is not an item listed before it`,
      );
    seen.add(item.id);
    (item.conditions ?? []).forEach((condition, j) => {
      checkCondition(condition, `/items/${i}/conditions/${j}`);
    });
  });
}

const holds = (logic: JsonLogic, data: ReleaseFacts): boolean =>
  jsonLogic.truthy(jsonLogic.apply(logic as never, data));

/**
 * Which outline items a learner may open now, and for each locked one every reason, as a message
 * key of `release-messages.json` (en, de) and its parameters. Each condition is JSON Logic over the
 * learner's progress facts (`release-logic.ts`); an item is locked when its section is, when the
 * outline is sequential and its previous sibling is not completed, or when any of its conditions
 * does not hold.
 *
 * @throws ReleaseError `bad-rule` (a malformed outline or condition, with its path) or `bad-facts`
 * @example
 * releaseStates({ items: [{ id: 'intro' }, { id: 'quiz', conditions: [{ kind: 'prerequisite', itemIds: ['intro'] }] }] },
 *   { completed: [], enrolledAt: '2026-03-01T00:00:00Z', now: '2026-03-02T00:00:00Z' })
 * // [{ itemId: 'intro', locked: false, reasons: [] },
 * //  { itemId: 'quiz', locked: true, reasons: [{ key: 'prerequisite', params: { items: ['intro'] } }] }]
 */
export function releaseStates(outline: ReleaseOutline, progress: ProgressFacts): ReleaseState[] {
  if (!Array.isArray(outline?.items))
    throw new ReleaseError('bad-rule', '/items', '/items: the outline lists its items');
  checkOutline(outline);
  const data = facts(progress);
  const titles = new Map<string, string>(Object.entries(outline.titles ?? {}));
  for (const item of outline.items) titles.set(item.id, item.title ?? item.id);
  const title = (id: string): string => titles.get(id) ?? id;
  const locked = new Set<string>();
  const previousSibling = new Map<string | null, string>();
  return outline.items.map((item): ReleaseState => {
    const reasons: LockedReason[] = [];
    const parent = item.parentId ?? null;
    if (parent !== null && locked.has(parent))
      reasons.push({ key: 'parentLocked', params: { item: title(parent) } });
    const previous = previousSibling.get(parent);
    previousSibling.set(parent, item.id);
    if (outline.sequential === true && previous !== undefined && !holds(prerequisiteLogic(previous), data))
      reasons.push({ key: 'sequential', params: { item: title(previous) } });
    for (const condition of item.conditions ?? []) {
      if (condition.kind === 'drip') {
        const opens = jsonLogic.apply(
          dripOpensLogic(condition.from, condition.days) as never,
          data,
        ) as number;
        if (holds({ '>=': [{ var: 'now' }, opens] }, data)) continue;
        const cohort = condition.from === 'cohort' && data.cohortStartAt !== null;
        reasons.push({
          key: cohort ? 'dripCohort' : 'drip',
          params: { date: new Date(opens).toISOString(), days: condition.days },
        });
        continue;
      }
      const minBp = condition.minPercent == null ? null : Math.round(condition.minPercent * 100);
      const missing = condition.itemIds.filter((id: string) => !holds(prerequisiteLogic(id, minBp), data));
      if (missing.length === 0) continue;
      if (minBp === null) reasons.push({ key: 'prerequisite', params: { items: missing.map(title) } });
      else
        for (const id of missing)
          reasons.push({ key: 'prerequisiteGrade', params: { item: title(id), percent: minBp / 100 } });
    }
    if (reasons.length > 0) locked.add(item.id);
    return { itemId: item.id, locked: reasons.length > 0, reasons };
  });
}

/**
 * Refuses a learner's action on an item that is not released (opening it, answering its quiz,
 * submitting its assignment), before anything is written.
 *
 * @throws ReleaseError `item-locked` at `path` with the reasons, or `bad-rule` for an item the
 *   outline does not have
 * @example
 * assertReleased(outline, progress, 'quiz', '/quizId') // throws when the quiz is locked
 */
export function assertReleased(
  outline: ReleaseOutline,
  progress: ProgressFacts,
  itemId: string,
  path: string,
): void {
  const state = releaseStates(outline, progress).find((s) => s.itemId === itemId);
  if (state === undefined)
    throw new ReleaseError('bad-rule', path, `${path}: the outline has no item "${itemId}"`);
  if (state.locked)
    throw new ReleaseError('item-locked', path, `${path}: "${itemId}" is locked`, state.reasons);
}
