/**
 * Pagination tokens. The service's tokens are opaque; ours encode a position, which is all a stateless in-memory
 * server needs. GetLogEvents uses `f/<pos>/s` and `b/<pos>/s` like the real ones look; the others use `o/<offset>`.
 */
export type Direction = 'f' | 'b';

const POSITION_WIDTH = 20;

export function encodePosition(dir: Direction, pos: number): string {
  return `${dir}/${String(pos).padStart(POSITION_WIDTH, '0')}/s`;
}

export function decodePosition(token: string): { dir: Direction; pos: number } | undefined {
  const m = /^([fb])\/(\d{1,20})\/s$/.exec(token);
  if (!m) return undefined;
  const pos = Number(m[2]);
  return Number.isSafeInteger(pos) ? { dir: m[1] as Direction, pos } : undefined;
}

export function encodeOffset(offset: number): string {
  return `o/${offset}`;
}

export function decodeOffset(token: string): number | undefined {
  const m = /^o\/(\d{1,15})$/.exec(token);
  return m ? Number(m[1]) : undefined;
}

/** One page of a listing: items [offset, offset+limit) and the token for the rest, if any. */
export function pageOf<T>(items: readonly T[], limit: number, token: string | undefined): { items: T[]; nextToken?: string } | undefined {
  const offset = token === undefined ? 0 : decodeOffset(token);
  if (offset === undefined) return undefined;
  const end = Math.min(items.length, offset + limit);
  const page = items.slice(offset, end);
  return end < items.length ? { items: page, nextToken: encodeOffset(end) } : { items: page };
}

/** First index in a timestamp-sorted array whose timestamp is ≥ t. */
export function lowerBound(sorted: readonly { timestamp: number }[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.timestamp < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
