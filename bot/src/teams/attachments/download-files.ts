import type { Activity } from 'botbuilder';
import { ALLOWED_FILE_TYPES, detectFileType, stripMetadata, type AllowedFileType } from './file-content.js';
import { mayCarryBotToken, type BotTokenSource } from './bot-token.js';

/** Teams' attachment for a file sent in a personal chat: a pre-authorised download link. */
export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

export const ATTACHMENT_LIMITS = {
  /** Per file, after download (before stripping). */
  maxBytes: 10 * 1024 * 1024,
  maxFilesPerSignal: 5,
  downloadTimeoutMs: 20_000,
} as const;

/** A file waiting in the (sealed) dialog state until the signal is sent. */
export interface PendingAttachment {
  name: string;
  contentType: AllowedFileType;
  /** Base64 of the metadata-stripped bytes (the dialog state is JSON). */
  data: string;
}

export interface FileReference {
  url: string | undefined;
  name: string;
  /** Inline images sit behind the bot's token; file attachments carry a pre-authorised link. */
  botToken?: BotTokenSource;
}

export type FileProblem = 'too-large' | 'type-not-allowed' | 'too-many' | 'download-failed';

export interface CollectedFiles {
  accepted: PendingAttachment[];
  /** One entry per refused file; never the name (it can say what the file is about). */
  problems: FileProblem[];
}

/** Files and images in an activity; Teams adds a text/html attachment to formatted messages, which is no file. */
export function fileReferencesOf(activity: Partial<Activity>, botToken?: BotTokenSource): FileReference[] {
  return (activity.attachments ?? [])
    .filter((attachment) => attachment.contentType !== 'text/html')
    .map((attachment, index) => {
      const fallbackName = `bijlage-${index + 1}`;
      if (attachment.contentType === TEAMS_FILE_DOWNLOAD_INFO) {
        const content = attachment.content as { downloadUrl?: unknown } | undefined;
        return { url: typeof content?.downloadUrl === 'string' ? content.downloadUrl : undefined, name: attachment.name ?? fallbackName };
      }
      return { url: attachment.contentUrl, name: attachment.name ?? fallbackName, ...(botToken ? { botToken } : {}) };
    });
}

/**
 * Downloads, checks and strips the files, up to the per-signal maximum. The type is
 * judged on the bytes; a refused file is not kept in any form.
 */
export async function collectFiles(references: readonly FileReference[], alreadyHeld: number): Promise<CollectedFiles> {
  const result: CollectedFiles = { accepted: [], problems: [] };
  for (const reference of references) {
    if (alreadyHeld + result.accepted.length >= ATTACHMENT_LIMITS.maxFilesPerSignal) {
      result.problems.push('too-many');
      continue;
    }
    const downloaded = reference.url === undefined ? { problem: 'download-failed' as const } : await download(reference.url, reference.botToken);
    if ('problem' in downloaded) {
      result.problems.push(downloaded.problem);
      continue;
    }
    const type = detectFileType(downloaded.bytes);
    const stripped = type === undefined ? undefined : stripMetadata(type, downloaded.bytes);
    if (type === undefined || stripped === undefined) {
      result.problems.push('type-not-allowed');
      continue;
    }
    result.accepted.push({ name: safeName(reference.name), contentType: type, data: Buffer.from(stripped).toString('base64') });
  }
  return result;
}

async function download(url: string, botToken?: BotTokenSource): Promise<{ bytes: Uint8Array } | { problem: FileProblem }> {
  if (!/^https?:\/\//i.test(url)) return { problem: 'download-failed' };
  try {
    const token = botToken && mayCarryBotToken(url) ? await botToken() : undefined;
    const response = await fetch(url, {
      // With a token, no redirects: the token must not follow the request to another host.
      redirect: token ? 'error' : 'follow',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(ATTACHMENT_LIMITS.downloadTimeoutMs),
    });
    if (!response.ok || !response.body) return { problem: 'download-failed' };
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > ATTACHMENT_LIMITS.maxBytes) {
      await response.body.cancel();
      return { problem: 'too-large' };
    }
    // Counted while reading: a missing or false Content-Length cannot push past the limit.
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > ATTACHMENT_LIMITS.maxBytes) {
        await reader.cancel();
        return { problem: 'too-large' };
      }
      chunks.push(value);
    }
    return { bytes: Buffer.concat(chunks) };
  } catch {
    return { problem: 'download-failed' };
  }
}

/** A file name fit for a Content-Disposition header later: no paths, no control characters, bounded. */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 120);
  return cleaned === '' ? 'bijlage' : cleaned;
}

export function allowedTypesText(): string {
  return ALLOWED_FILE_TYPES.map((type) => (type === 'image/jpeg' ? 'JPEG' : type === 'image/png' ? 'PNG' : 'PDF')).join(', ');
}
