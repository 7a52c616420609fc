import * as React from 'react';
import type { Language } from '@weerbaar/shared';

/** What every basis-op-orde component may use: the strings and the catalogue language of the user. */
export interface PartsServices {
  readonly strings: IBasisOpOrdeStrings;
  readonly language: Language;
}

const PartsContext = React.createContext<PartsServices | undefined>(undefined);

export const PartsProvider = PartsContext.Provider;

export function useParts(): PartsServices {
  const services = React.useContext(PartsContext);
  if (!services) throw new Error('useParts must be used inside a PartsProvider');
  return services;
}

/** The catalogue's language for a BCP 47 tag (nl-NL → nl, en-US → en). */
export function languageOfLocale(locale: string): Language {
  return locale.toLowerCase().indexOf('en') === 0 ? 'en' : 'nl';
}
