import type { Activity } from 'botbuilder';
import { ALLOWED_FILE_TYPES, detectFileType, stripMetadata, type AllowedFileType } from './file-content.js';
import { mayCarryBotToken, type BotTokenSource } from './bot-token.js';
import { PRODUCTION_FILE_HOSTS, type FileHostPolicy } from './file-hosts.js';

/** Teams' attachment for a file sent in a personal chat: a pre-authorised download link. */
export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

export const ATTACHMENT_LIMITS = {
  /** Per file, after download (before stripping). */
  maxBytes: 10 * 1024 * 1024,
  maxFilesPerSignal: 5,
  downloadTimeoutMs: 20_000,
  /** OneDrive links may redirect once or twice (to the file's storage); each hop is checked. */
  maxRedirects: 3,
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
  /** Where the file may come from (every redirect included); production hosts when absent. */
  allowHost?: FileHostPolicy;
}

export type FileProblem = 'too-large' | 'type-not-allowed' | 'too-many' | 'download-failed';

export interface CollectedFiles {
  accepted: PendingAttachment[];
  /** One entry per refused file; never the name (it can say what the file is about). */
  problems: FileProblem[];
}

/** Files and images in an activity; Teams adds a text/html attachment to formatted messages, which is no file. */
export function fileReferencesOf(activity: Partial<Activity>, botToken?: BotTokenSource, allowHost: FileHostPolicy = PRODUCTION_FILE_HOSTS): FileReference[] {
  return (activity.attachments ?? [])
    .filter((attachment) => attachment.contentType !== 'text/html')
    .map((attachment, index) => {
      const fallbackName = `bijlage-${index + 1}`;
      if (attachment.contentType === TEAMS_FILE_DOWNLOAD_INFO) {
        const content = attachment.content as { downloadUrl?: unknown } | undefined;
        return { url: typeof content?.downloadUrl === 'string' ? content.downloadUrl : undefined, name: attachment.name ?? fallbackName, allowHost };
      }
      return { url: attachment.contentUrl, name: attachment.name ?? fallbackName, allowHost, ...(botToken ? { botToken } : {}) };
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
    const downloaded =
      reference.url === undefined ? { problem: 'download-failed' as const } : await download(reference.url, reference.allowHost ?? PRODUCTION_FILE_HOSTS, reference.botToken);
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

/** The URL when the policy allows it; undefined for anything else, including text that is no URL. */
function allowedUrl(text: string, allowHost: FileHostPolicy, base?: URL): URL | undefined {
  try {
    const url = new URL(text, base);
    return allowHost(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * GET that follows redirects itself, each target checked against the policy, so a link to
 * an allowed host cannot bounce the bot to one that is not. With the bot's token nothing is
 * followed: the token must not travel on to another host.
 */
async function fetchWithin(start: URL, allowHost: FileHostPolicy, token: string | undefined, signal: AbortSignal): Promise<Response | undefined> {
  let url = start;
  for (let hop = 0; hop <= ATTACHMENT_LIMITS.maxRedirects; hop += 1) {
    const response = await fetch(url, { redirect: 'manual', headers: token ? { authorization: `Bearer ${token}` } : {}, signal });
    if (response.status < 300 || response.status >= 400) return response;
    await response.body?.cancel();
    const location = response.headers.get('location');
    const next = token || location === null ? undefined : allowedUrl(location, allowHost, url);
    if (!next) return undefined;
    url = next;
  }
  return undefined;
}

async function download(text: string, allowHost: FileHostPolicy, botToken?: BotTokenSource): Promise<{ bytes: Uint8Array } | { problem: FileProblem }> {
  const url = allowedUrl(text, allowHost);
  if (!url) return { problem: 'download-failed' };
  try {
    const token = botToken && mayCarryBotToken(url.href) ? await botToken() : undefined;
    const response = await fetchWithin(url, allowHost, token, AbortSignal.timeout(ATTACHMENT_LIMITS.downloadTimeoutMs));
    if (!response || !response.ok || !response.body) return { problem: 'download-failed' };
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
