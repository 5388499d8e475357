// A minimal OpenAI-compatible chat client: POST {url}/v1/chat/completions, first choice's text.
import type { LlmConfig } from "../../config.ts";

/** Local models can be slow; past this the extractive brief is used. */
const REQUEST_TIMEOUT_MS = 60_000;

export interface ChatMessage {
  role: "system" | "user";
  content: string;
}

export async function chat(llm: LlmConfig, messages: ChatMessage[]): Promise<string> {
  if (!llm.url) throw new Error("write: no LLM url configured");
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (llm.apiKey) headers.authorization = `Bearer ${llm.apiKey}`;
  let res: Response;
  try {
    res = await fetch(`${llm.url.replace(/\/+$/, "")}/v1/chat/completions`, {
      method: "POST",
      headers,
      body: JSON.stringify({ model: llm.model, messages, temperature: 0 }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (cause) {
    throw new Error("write: LLM request failed", { cause });
  }
  if (!res.ok) throw new Error(`write: LLM answered HTTP ${res.status}`);
  const body = (await res.json().catch(() => null)) as {
    choices?: Array<{ message?: { content?: unknown } }>;
  } | null;
  const content = body?.choices?.[0]?.message?.content;
  if (typeof content !== "string") throw new Error("write: LLM answer has no message content");
  return content;
}
