import { EXIT_CODES } from './exit-codes';

/**
 * Ctrl-C / SIGTERM handling (issue 5 §3): the first signal asks for a graceful stop (stop the container, wait for
 * delivery, report); a second one forces (kill the container, exit at once). Exit codes follow the shell: 128 + n.
 */

export type InterruptSignal = 'SIGINT' | 'SIGTERM';
export type InterruptAction = 'graceful' | 'force';

/** Pure: what the nth signal (0-based count of earlier ones) means. */
export function interruptAction(earlierSignals: number): InterruptAction {
  return earlierSignals === 0 ? 'graceful' : 'force';
}

export function interruptExitCode(signal: InterruptSignal): number {
  return signal === 'SIGINT' ? EXIT_CODES.interrupted : EXIT_CODES.terminated;
}

export interface InterruptHandlers {
  onGraceful(signal: InterruptSignal): void;
  onForce(signal: InterruptSignal): void;
}

export class Interrupts {
  private count = 0;
  private first: InterruptSignal | undefined;
  private readonly listeners: Array<[InterruptSignal, () => void]> = [];

  constructor(private readonly handlers: InterruptHandlers) {}

  /** The first signal received, if any: it decides the exit code. */
  get signal(): InterruptSignal | undefined {
    return this.first;
  }

  install(): this {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const listener = (): void => this.receive(signal);
      process.on(signal, listener);
      this.listeners.push([signal, listener]);
    }
    return this;
  }

  receive(signal: InterruptSignal): void {
    const action = interruptAction(this.count);
    this.count += 1;
    if (action === 'graceful') {
      this.first = signal;
      this.handlers.onGraceful(signal);
    } else {
      this.handlers.onForce(signal);
    }
  }

  dispose(): void {
    for (const [signal, listener] of this.listeners) process.off(signal, listener);
    this.listeners.length = 0;
  }
}
