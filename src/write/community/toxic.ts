// Comments that may never represent a theme: empty, too short, deleted, or abusive.

/** Shorter comments ("this", "+1", "lol") say nothing worth showing. */
export const MIN_REPRESENTATIVE_CHARS = 40;

const ABUSE =
  /\b(fuck\w*|shit\w*|idiot\w*|moron\w*|stupid|dumb(ass)?|retard\w*|asshole\w*|bastard\w*|bitch\w*|cunt\w*|dick(head)?s?|crap|scum|loser\w*|imbecile\w*|kill yourself|kys|shut up|piss\w*|twat\w*|wanker\w*|douche\w*)\b/i;
/** "[deleted]", "[removed]", and Reddit's "[ Removed by Reddit on account of … ]". */
const REMOVED = /^\s*\[\s*(?:deleted|removed)\b[^\]]*\]\s*$/i;

export function isToxic(text: string): boolean {
  return ABUSE.test(text);
}

export function canRepresent(text: string): boolean {
  const t = text.trim();
  return t.length >= MIN_REPRESENTATIVE_CHARS && !REMOVED.test(t) && !isToxic(t);
}

export function isEmpty(text: string): boolean {
  return text.trim() === "" || REMOVED.test(text);
}
