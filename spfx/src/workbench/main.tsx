import * as React from 'react';
import * as ReactDom from 'react-dom';
import { RendererProvider, createDOMRenderer } from '@fluentui/react-components';
import { WorkbenchApp } from './WorkbenchApp';
import { PartsWorkbench, isWorkbenchPart } from './PartsWorkbench';
import { AGENDA_PART, AgendaWorkbench } from './AgendaWorkbench';
import { BEWUSTWORDING_PART, BewustwordingWorkbench } from './BewustwordingWorkbench';
import type { WorkbenchLanguage, WorkbenchTheme } from './workbenchStrings';

// Entry of the workbench bundle (built with esbuild, served by the hub at /workbench in local mode).
const params = new URLSearchParams(window.location.search);
const language: WorkbenchLanguage = params.get('lang') === 'en' ? 'en' : 'nl';
const themeParam = params.get('theme');
const theme: WorkbenchTheme = themeParam === 'teams' || themeParam === 'dark' || themeParam === 'contrast' ? themeParam : 'sharepoint';
document.documentElement.lang = language;
// ?part= shows another web part instead of the dashboard (afdelingsagenda, bewustwording, the basis-op-orde parts).
const part = params.get('part');
const initialUpn = params.get('as') ?? undefined;

function rememberState(state: { upn?: string; theme: WorkbenchTheme }): void {
  const next = new URLSearchParams({ lang: language, theme: state.theme });
  if (state.upn) next.set('as', state.upn);
  window.history.replaceState(null, '', '?' + next.toString());
}

const root = document.getElementById('workbench-root');
if (root) {
  // The page's CSP allows no inline style except with the per-request nonce the hub put on the root
  // element; Fluent's style engine (Griffel) puts it on every <style> element it creates.
  const nonce = root.dataset.styleNonce;
  const renderer = createDOMRenderer(document, nonce ? { styleElementAttributes: { nonce } } : undefined);
  // eslint-disable-next-line @rushstack/pair-react-dom-render-unmount -- the workbench page's root lives as long as the page itself
  ReactDom.render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      {part === AGENDA_PART ? (
        <AgendaWorkbench language={language} initialUpn={initialUpn} />
      ) : part === BEWUSTWORDING_PART ? (
        <BewustwordingWorkbench language={language} initialUpn={initialUpn} />
      ) : isWorkbenchPart(part) ? (
        <PartsWorkbench language={language} part={part} initialUpn={initialUpn} />
      ) : (
        <WorkbenchApp language={language} initialUpn={initialUpn} initialTheme={theme} onStateChange={rememberState} />
      )}
    </RendererProvider>,
    root
  );
}
