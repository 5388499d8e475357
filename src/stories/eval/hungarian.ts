// Maximum-weight one-to-one assignment (Hungarian algorithm, Kuhn-Munkres with potentials),
// O(rows² · cols) for rows <= cols, so 50 gold stories against thousands of found ones stays fast.

/** For each row, the column it is matched to, maximising the summed weights. Requires rows <= cols. */
export function maxAssignment(weights: number[][]): number[] {
  const n = weights.length;
  const m = n === 0 ? 0 : weights[0]!.length;
  if (n > m) throw new Error("stories: assignment needs rows <= columns");
  const cost = (i: number, j: number) => -weights[i - 1]![j - 1]!;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const match = new Int32Array(m + 1); // column -> row (1-based), 0 = free
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    match[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = match[j0]!;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost(i0, j) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[match[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (match[j0] !== 0);
    do {
      const j1 = way[j0]!;
      match[j0] = match[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const rowToCol = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (match[j]! > 0) rowToCol[match[j]! - 1] = j - 1;
  return rowToCol;
}
