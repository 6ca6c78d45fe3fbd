import { createToken } from '@codexion/framework/foundation';

/**
 * This node as Cortex's health page and invitations see it: when it started, its clock, and the
 * kernel's state. The Cortex plugin registers it in the kernel's container; actions reach it as
 * `ctx.services.get(CortexNodeToken)`.
 */
export interface CortexNode {
  readonly startedAt: Date;
  /** the clock; tests move it to expire invitations */
  now(): Date;
  /** the kernel's state (`kernel.state`): `/readyz`'s `kernel` check; no check without it */
  kernelState?: (() => string) | undefined;
}

/** Cortex's node service in the kernel's container. */
export const CortexNodeToken = createToken<CortexNode>('cortex.node');

export interface CortexNodeOptions {
  /** the kernel's state (the host passes `() => kernel.state`) */
  kernelState?: () => string;
  now?: () => Date;
}

/**
 * The node, started now (by its clock).
 *
 * @example
 * container.value(CortexNodeToken, cortexNode({ kernelState: () => kernel.state }));
 */
export function cortexNode({ kernelState, now = () => new Date() }: CortexNodeOptions = {}): CortexNode {
  return { startedAt: now(), now, kernelState };
}
