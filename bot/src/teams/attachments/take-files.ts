import { MessageFactory, type Activity } from 'botbuilder';
import type { Language } from '@weerbaar/shared';
import type { IntakeState } from '../dialog/intake-state.js';
import { anonymousFilesRefused, fileProblem, filesKept } from '../text/attachment-text.js';
import { collectFiles, type FileProblem, type FileReference, type PendingAttachment } from './download-files.js';

export type Reply = Partial<Activity>;

/**
 * Files sent during an intake: held (checked, stripped, in the sealed dialog state) until
 * the signal is sent. An anonymous intake takes none: a file sent in Teams lands in the
 * reporter's own OneDrive, so the bot refuses it and keeps nothing of it.
 */
export async function takeFiles(language: Language, state: IntakeState, references: readonly FileReference[]): Promise<Reply[]> {
  if (state.draft.confidentiality === 'anonymous') return [MessageFactory.text(anonymousFilesRefused(language))];
  const held = state.attachments ?? [];
  const collected = await collectFiles(references, held.length);
  if (collected.accepted.length > 0) state.attachments = [...held, ...collected.accepted];
  return notesFor(language, collected.accepted.length, state.attachments?.length ?? 0, collected.problems);
}

/** Files that came with a submitted card: checked the same way, refused outright when it is anonymous. */
export async function filesWithCard(
  language: Language,
  value: Record<string, unknown>,
  alreadyHeld: number,
  references: readonly FileReference[],
): Promise<{ accepted: PendingAttachment[]; notes: Reply[] }> {
  if (value['confidentiality'] === 'anonymous') return { accepted: [], notes: [MessageFactory.text(anonymousFilesRefused(language))] };
  const collected = await collectFiles(references, alreadyHeld);
  return { accepted: collected.accepted, notes: notesFor(language, 0, 0, collected.problems) };
}

function notesFor(language: Language, added: number, held: number, problems: readonly FileProblem[]): Reply[] {
  const notes: Reply[] = [];
  if (added > 0) notes.push(MessageFactory.text(filesKept(language, added, held)));
  for (const problem of new Set(problems)) notes.push(MessageFactory.text(fileProblem(language, problem)));
  return notes;
}
