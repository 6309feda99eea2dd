// Runs up to `window` jobs at once (the pool's threads) and hands their results over in order.
import { setTimeout } from 'node:timers/promises';

export async function inOrder<T, R>(
  items: readonly T[],
  window: number,
  start: (item: T) => Promise<R>,
  take: (item: T, result: R) => Promise<void>,
): Promise<void> {
  const running: Promise<R>[] = [];
  let next = 0;
  try {
    for (let i = 0; i < items.length; i++) {
      while (next < items.length && running.length < Math.max(1, window)) {
        const job = start(items[next++]);
        job.catch(() => undefined); // awaited below in order; never an unhandled rejection meanwhile
        running.push(job);
      }
      await take(items[i], await running.shift()!);
    }
  } finally {
    // Jobs still running when one fails are left to settle; their results are dropped.
    running.length = 0;
  }
}

/**
 * Waits while more than `limit` bytes wait for the client: one that reads slowly holds the rendering
 * back instead of making the server buffer the whole ZIP. (Polls: listening for 'data' would start the flow.)
 */
export async function roomFor(buffered: () => number, limit: number, signal: AbortSignal): Promise<void> {
  while (buffered() > limit && !signal.aborted) await setTimeout(20);
}
