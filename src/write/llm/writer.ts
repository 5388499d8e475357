import type { LlmConfig } from "../../config.ts";
import type { Brief } from "../../types.ts";
import { type BriefInput, writeBrief } from "../brief.ts";

export async function writeBriefWithLlm(input: BriefInput, _llm: LlmConfig): Promise<Brief> {
  return writeBrief(input);
}
