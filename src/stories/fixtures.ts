// Test fixtures shared by the clusterer's tests and the pipeline's.
import { readFileSync } from "node:fs";
import type { ClusterParams } from "./params.ts";

/** A singer's running story (48 headlines, 15 of them naming his fiancée) and a parody of his
 * video (40 headlines) that names him too, interleaved from the eleventh on: the order in which
 * online clustering swallows the parody. Singer ids are v0, v1, ...; parody ids p0, p1, .... */
export function fusedParody(): { id: string; title: string }[] {
  const { singer, parody } = JSON.parse(
    readFileSync(new URL("testdata/fused-parody.json", import.meta.url), "utf8"),
  ) as { singer: string[]; parody: string[] };
  const headlines: { id: string; title: string }[] = [];
  for (let s = 0, p = 0; s < singer.length || p < parody.length; ) {
    if (s < singer.length) headlines.push({ id: `v${s}`, title: singer[s++]! });
    if (s > 10 && p < parody.length) headlines.push({ id: `p${p}`, title: parody[p++]! });
  }
  return headlines;
}

/** Settings under which every headline joins one story: the fusion a split must undo. */
export const FUSING: Partial<ClusterParams> = {
  joinThreshold: 0.02,
  youngBonus: 0,
  mergeEvery: 10,
  mergeRecheckGrowth: 1,
  mergeThreshold: 0.05,
};
