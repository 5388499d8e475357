// Public API of the write stage.
export { type BriefInput, writeBrief } from "./brief.ts";
export { writeBriefWithLlm } from "./llm/writer.ts";
export { renderBriefText } from "./render.ts";
