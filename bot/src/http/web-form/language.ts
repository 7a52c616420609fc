import type { Request } from 'express';
import type { Language } from '@weerbaar/shared';

/**
 * The page language: an explicit `?lang=` (the switch link and every form action carry
 * it, so a choice survives a POST without a cookie), else the first of Dutch or English
 * in Accept-Language by weight, else Dutch.
 */
export function pageLanguage(req: Request): Language {
  const asked = req.query.lang;
  if (asked === 'en' || asked === 'nl') return asked;
  return preferredLanguage(req.headers['accept-language']);
}

export function preferredLanguage(header: string | undefined): Language {
  if (!header) return 'nl';
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((range) => range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === 'nl' || tag.startsWith('nl-')) return 'nl';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'nl';
}

/** A path of the form with the language kept, for links and form actions. */
export function withLang(path: string, lang: Language): string {
  return `${path}?lang=${lang}`;
}
