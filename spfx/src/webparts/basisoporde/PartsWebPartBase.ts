import * as React from 'react';
import * as strings from 'BasisOpOrdeWebPartStrings';
import { HostThemedWebPart } from '../common/HostThemedWebPart';
import { PartsProvider, languageOfLocale } from './components/PartsContext';

/**
 * What the three basis-op-orde web parts (Basis op orde, Metingen, Twente-overzicht) share
 * beyond the host theme: their strings and language in a context. Each web part is a
 * composition root: it makes its clients in `onInit` and says what to render.
 */
export abstract class PartsWebPartBase<P extends object> extends HostThemedWebPart<P> {
  /** The web part's content, or its "not configured" message. */
  protected abstract content(): React.ReactElement;

  protected override renderContent(): React.ReactElement {
    return React.createElement(PartsProvider, { value: { strings, language: languageOfLocale(strings.Locale) } }, this.content());
  }
}

/** A text for when the web part is not connected yet. */
export function notConfigured(): React.ReactElement {
  return React.createElement('p', { role: 'status' }, strings.NotConfigured);
}
