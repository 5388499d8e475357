// Each candidate story's score during one candidate search: the summed weight of the query terms
// it is listed under. A small open-addressing table (story -> score), emptied after each search by
// walking the slots it used, so a search costs what it reads, not the number of stories. Entries
// are added term by term, so each story's sum is added up in query-term order.
// (An earlier version sorted (story, term) keys instead: the sort grew to a third of the search's
// cost once posting lists filled up.)

export class StoryScores {
  private stories = new Int32Array(1024).fill(-1);
  private scores = new Float64Array(1024);
  /** 32 - log2(slots): Fibonacci hashing keeps the product's high bits, which mix all of the id. */
  private shift = 22;
  /** Slots in use, in order of first sight. */
  private used = new Int32Array(512);
  /** Stories in the table. */
  size = 0;

  /** Makes room for n more stories, keeping the table at most half full. */
  reserve(n: number): void {
    if (2 * (this.size + n) <= this.stories.length) return;
    let length = this.stories.length;
    while (2 * (this.size + n) > length) length *= 2;
    const old = {
      stories: this.stories,
      scores: this.scores,
      used: this.used.subarray(0, this.size),
    };
    this.stories = new Int32Array(length).fill(-1);
    this.scores = new Float64Array(length);
    this.used = new Int32Array(length / 2);
    this.shift = 32 - Math.log2(length);
    this.size = 0;
    for (const slot of old.used) this.add(old.stories[slot]!, old.scores[slot]!);
  }

  add(story: number, weight: number): void {
    const stories = this.stories;
    const mask = stories.length - 1;
    let slot = Math.imul(story, 0x9e3779b1) >>> this.shift;
    for (let at = stories[slot]!; at !== story; at = stories[slot]!) {
      if (at === -1) {
        stories[slot] = story;
        this.scores[slot] = 0;
        this.used[this.size++] = slot;
        break;
      }
      slot = (slot + 1) & mask;
    }
    this.scores[slot]! += weight;
  }

  /** The k-th story added (0-based) and its score. */
  story(k: number): number {
    return this.stories[this.used[k]!]!;
  }

  score(k: number): number {
    return this.scores[this.used[k]!]!;
  }

  clear(): void {
    for (let k = 0; k < this.size; k++) this.stories[this.used[k]!] = -1;
    this.size = 0;
  }
}
