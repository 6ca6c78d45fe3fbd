import type { Kernel } from './boot.js';

/** What `runUntilSignal` listens on: `process`, or an emitter in tests. */
export interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

export interface RunUntilSignalOptions {
  signals?: readonly NodeJS.Signals[];
  source?: SignalSource;
  /** called on a second signal while shutting down: the operator insists; `process.exit` unless given */
  forceExit?: (code: number) => void;
}

/**
 * Waits for SIGTERM or SIGINT, then shuts the kernel down (drain, `onShutdown`, dispose) and
 * resolves with the signal. A second signal during the shutdown exits at once (code 130). The
 * handlers are installed here, not when a module loads, and removed afterwards.
 *
 * @example
 * await kernel.boot();
 * await kernel.listen();
 * const signal = await runUntilSignal(kernel); // 'SIGTERM'
 */
export function runUntilSignal(
  kernel: Pick<Kernel, 'shutdown'>,
  {
    signals = ['SIGTERM', 'SIGINT'],
    source = process,
    forceExit = (code) => process.exit(code),
  }: RunUntilSignalOptions = {},
): Promise<NodeJS.Signals> {
  return new Promise((resolve, reject) => {
    let received: NodeJS.Signals | undefined;
    const remove = () => {
      for (const signal of signals) source.off(signal, onSignal);
    };
    function onSignal(signal: NodeJS.Signals): void {
      if (received !== undefined) {
        forceExit(130);
        return;
      }
      received = signal;
      kernel.shutdown(signal).then(
        () => {
          remove();
          resolve(signal);
        },
        (error: unknown) => {
          remove();
          reject(error);
        },
      );
    }
    for (const signal of signals) source.on(signal, onSignal);
  });
}
