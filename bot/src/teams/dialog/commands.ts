/** Words the bot recognises anywhere in the conversation (Dutch and English). */
export type Command =
  | { kind: 'help' }
  | { kind: 'report' }
  | { kind: 'stop' }
  | { kind: 'form' }
  | { kind: 'privacy' }
  | { kind: 'status'; code: string | null }
  | { kind: 'reply'; code: string; text: string }
  | { kind: 'none' };

const WORDS: Record<Exclude<Command['kind'], 'status' | 'reply' | 'none'>, readonly string[]> = {
  help: ['help', 'hulp', '?', 'wat is ondermijning', 'what is subversive crime', 'voorbeelden', 'examples'],
  report: ['melden', 'melding', 'melding maken', 'nieuwe melding', 'signaal melden', 'report', 'new report', 'start'],
  stop: ['stop', 'stoppen', 'annuleer', 'annuleren', 'cancel', 'afbreken'],
  form: ['formulier', 'kaart', 'form', 'card', 'wijzig', 'wijzigen', 'aanpassen', 'change'],
  privacy: ['privacy', 'privacyverklaring', 'privacy notice'],
};

export function normaliseCommandText(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!?]+$/, (m) => (text.trim() === '?' ? m : ''));
}

/** Groups of a receipt code as shown (7 x 4 characters); people may type them with spaces. */
const CODE_LENGTH = 28;

function compact(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/**
 * "antwoord <code> <text>": the code is the first word, or the first seven groups when
 * typed with spaces. Without a code of the right length it is no command (a description
 * may well start with "Antwoord ...").
 */
function parseReply(rest: string): Command | undefined {
  for (const pattern of [/^(\S+)(?:\s+([\s\S]*))?$/, /^((?:\S+\s+){6}\S+)(?:\s+([\s\S]*))?$/]) {
    const match = pattern.exec(rest.trim());
    if (match && compact(match[1] ?? '').length === CODE_LENGTH) return { kind: 'reply', code: match[1] ?? '', text: (match[2] ?? '').trim() };
  }
  return undefined;
}

export function parseCommand(text: string): Command {
  const reply = /^\s*(?:antwoord|reply)\s+([\s\S]*)$/i.exec(text);
  const parsedReply = reply ? parseReply(reply[1] ?? '') : undefined;
  if (parsedReply) return parsedReply;
  const normalised = normaliseCommandText(text);
  const status = /^status(?:\s+(.+))?$/.exec(normalised);
  if (status) return { kind: 'status', code: status[1]?.trim() || null };
  for (const [kind, words] of Object.entries(WORDS) as [Exclude<Command['kind'], 'status' | 'reply' | 'none'>, readonly string[]][]) {
    if (words.includes(normalised)) return { kind };
  }
  return { kind: 'none' };
}
