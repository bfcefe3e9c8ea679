/**
 * After the container stops, polls the destination until it holds as many events as the container printed lines, or
 * a deadline passes (issue 5 §3: "waits until the driver has delivered what the container printed"). The driver
 * flushes a stopped container's lines promptly, so the deadline only bounds a broken or unreachable destination.
 */

export interface DeliveryWaitOptions {
  readonly expected: number;
  readonly count: () => Promise<number>;
  readonly deadlineMs: number;
  readonly pollMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

export interface DeliveryResult {
  /** The last count read, or undefined when the destination could never be read. */
  readonly delivered: number | undefined;
  readonly complete: boolean;
  /** The last read error, when the destination could never be read. */
  readonly error?: unknown;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitForDelivery(options: DeliveryWaitOptions): Promise<DeliveryResult> {
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const deadline = now() + options.deadlineMs;
  let delivered: number | undefined;
  let error: unknown;
  for (;;) {
    try {
      delivered = await options.count();
      error = undefined;
      if (delivered >= options.expected) return { delivered, complete: true };
    } catch (err) {
      error = err;
    }
    if (now() >= deadline) return { delivered, complete: false, ...(delivered === undefined ? { error } : {}) };
    await sleep(options.pollMs);
  }
}
