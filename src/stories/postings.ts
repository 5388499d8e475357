// Inverted index from term id to the stories listed under it, most recent last, capped per term.

/** Entries at the tail checked before appending, so a busy story is not listed over and over. */
const RECENT_CHECK = 4;

export class Postings {
  private readonly lists = new Map<number, number[]>();

  constructor(private readonly cap: number) {}

  add(termId: number, story: number): void {
    let list = this.lists.get(termId);
    if (list === undefined) {
      list = [];
      this.lists.set(termId, list);
    }
    for (let i = list.length - 1; i >= 0 && i >= list.length - RECENT_CHECK; i--) {
      if (list[i] === story) return;
    }
    list.push(story);
    // Drop the oldest half once twice the cap: amortised O(1), and the newest `cap` stay.
    if (list.length >= 2 * this.cap) list.splice(0, list.length - this.cap);
  }

  /** The stories under a term, oldest first (read the last `cap` of them), or null. */
  list(termId: number): readonly number[] | null {
    return this.lists.get(termId) ?? null;
  }

  /** Calls visit for each story under the term, newest first, at most `cap` of them. */
  forEach(termId: number, visit: (story: number) => void): void {
    const list = this.lists.get(termId);
    if (list === undefined) return;
    const stop = Math.max(0, list.length - this.cap);
    for (let i = list.length - 1; i >= stop; i--) visit(list[i]!);
  }
}
