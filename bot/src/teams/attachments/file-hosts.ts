import { isBotAttachmentHost } from './bot-token.js';

/** Whether the bot may fetch a file from this URL (checked again on every redirect). */
export type FileHostPolicy = (url: URL) => boolean;

/**
 * Where Teams keeps the files people send the bot: a file in a personal chat is uploaded to
 * the sender's OneDrive (`<tenant>-my.sharepoint.com`), with a pre-authorised link.
 */
const TEAMS_FILE_HOSTS = [/\.sharepoint\.com$/i];
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The bot fetches only from the hosts where Teams puts files and pasted images, over https:
 * never from whatever address an activity happens to carry (an internal service, the cloud
 * metadata endpoint). Local mode also reaches this machine, where the Agents Playground and
 * the tests serve their files.
 */
export function fileHostPolicy(mode: 'local' | 'production'): FileHostPolicy {
  return (url) => {
    if (mode === 'local' && LOOPBACK_HOSTS.has(url.hostname.toLowerCase()) && (url.protocol === 'http:' || url.protocol === 'https:')) return true;
    if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
    return TEAMS_FILE_HOSTS.some((host) => host.test(url.hostname)) || isBotAttachmentHost(url.hostname);
  };
}

/** The policy of a production deployment: the default wherever none is given. */
export const PRODUCTION_FILE_HOSTS: FileHostPolicy = fileHostPolicy('production');
