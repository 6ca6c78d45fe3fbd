/** The fields of a deal its probability depends on. */
export interface ProbabilityInputs {
  stageId: string;
  status: string;
  probability?: number | null | undefined;
}

export interface StageProbabilityOptions {
  /** the deal as it would be stored (after the merge patch) */
  next: ProbabilityInputs;
  /** the deal before this write; absent on create */
  previous?: ProbabilityInputs | undefined;
  /** the default probability of `next.stageId` */
  stageDefault: number;
}

/**
 * The probability a deal is stored with, as the CRM's sales process sets it:
 *
 * - closing decides it: won is 1, lost is 0; reopening gives back the stage's default;
 * - entering a stage (on create, or when `stageId` changes) gives the stage's default, unless the
 *   same write sets a probability of its own (on create: sends one; on update: changes it);
 * - otherwise it stays what the write says, so a rep's estimate survives unrelated edits.
 *
 * @example
 * stageProbability({ next: { stageId: 's2', probability: 0.1 }, previous: { stageId: 's1', probability: 0.1 }, stageDefault: 0.4 })
 * // 0.4: moved, and the write left the probability alone
 */
export function stageProbability({ next, previous, stageDefault }: StageProbabilityOptions): number | null {
  const given = next.probability ?? null;
  const statusChanged = previous !== undefined && next.status !== previous.status;
  if (next.status === 'won' && (previous === undefined ? given === null : statusChanged)) return 1;
  if (next.status === 'lost' && (previous === undefined ? given === null : statusChanged)) return 0;
  if (previous === undefined) return given ?? stageDefault;
  if (statusChanged) return stageDefault;
  const explicit = next.probability !== previous.probability;
  if (next.stageId !== previous.stageId && !explicit) return stageDefault;
  return given;
}
