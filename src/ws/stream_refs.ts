/**
 * The ref-counted set of streams a reconnecting socket holds: which streams are subscribed, by how
 * many holders, and whether each is private (signed). Pure bookkeeping; the socket decides what to
 * send from the changes it reports.
 *
 * @module
 */

/** Streams split by kind: `[public, private]`. */
export type StreamsByKind = [publicStreams: string[], privateStreams: string[]];

/** Ref counts of held streams (see the module docs). */
export class StreamRefs {
  readonly #entries = new Map<string, { count: number; readonly signed: boolean }>();

  /** Streams currently held (ref count > 0), with their ref counts (a copy). */
  get counts(): ReadonlyMap<string, number> {
    return new Map([...this.#entries].map(([stream, entry]) => [stream, entry.count]));
  }

  /** Whether `stream` is held. */
  has(stream: string): boolean {
    return this.#entries.has(stream);
  }

  /** Takes one reference on each distinct stream; returns those that went from 0 to 1. */
  acquire(streams: ReadonlyArray<string>, signed: boolean): string[] {
    const added: string[] = [];
    for (const stream of new Set(streams)) {
      const entry = this.#entries.get(stream);
      if (entry === undefined) {
        this.#entries.set(stream, { count: 1, signed });
        added.push(stream);
      } else entry.count++;
    }
    return added;
  }

  /** Releases one reference on each distinct held stream; returns those that reached 0. */
  release(streams: ReadonlyArray<string>): StreamsByKind {
    const removed: StreamsByKind = [[], []];
    for (const stream of new Set(streams)) {
      const entry = this.#entries.get(stream);
      if (entry === undefined) continue;
      if (--entry.count === 0) {
        this.#entries.delete(stream);
        removed[entry.signed ? 1 : 0].push(stream);
      }
    }
    return removed;
  }

  /** Every held stream, in subscription order. */
  held(): StreamsByKind {
    const held: StreamsByKind = [[], []];
    for (const [stream, entry] of this.#entries) held[entry.signed ? 1 : 0].push(stream);
    return held;
  }

  /** Forgets every stream. */
  clear(): void {
    this.#entries.clear();
  }
}
