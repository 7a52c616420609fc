import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { ThemeProvider, type IReadonlyTheme } from '@microsoft/sp-component-base';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import * as strings from 'BasisOpOrdeWebPartStrings';
import { fluentThemeForSharePoint, fluentThemeForTeams } from '../signaaldashboard/theme/hostFluentTheme';
import { PartsProvider, languageOfLocale } from './components/PartsContext';

/**
 * What the three basis-op-orde web parts (Basis op orde, Metingen, Twente-overzicht) share:
 * the host's Fluent UI v9 theme (Teams or SharePoint), the strings and the React root.
 * Each web part is a composition root: it makes its clients in `onInit` and says what to render.
 */
export abstract class PartsWebPartBase<P extends object> extends BaseClientSideWebPart<P> {
  private fluentTheme: Theme = webLightTheme;
  private themeProvider: ThemeProvider | undefined;

  /** The web part's content, or its "not configured" message. */
  protected abstract content(): React.ReactElement;

  protected override async onInit(): Promise<void> {
    await super.onInit();
    const teams = this.context.sdks.microsoftTeams;
    if (teams) {
      const teamsContext = await teams.teamsJs.app.getContext();
      this.fluentTheme = fluentThemeForTeams(teamsContext.app.theme);
      teams.teamsJs.app.registerOnThemeChangeHandler((teamsThemeName: string) => {
        this.fluentTheme = fluentThemeForTeams(teamsThemeName);
        this.render();
      });
      return;
    }
    this.themeProvider = this.context.serviceScope.consume(ThemeProvider.serviceKey);
    this.fluentTheme = fluentThemeForSharePoint(this.themeProvider.tryGetThemeV2(), this.themeProvider.tryGetTheme());
  }

  protected override onThemeChanged(classicTheme: IReadonlyTheme | undefined): void {
    if (this.context.sdks.microsoftTeams) return;
    this.fluentTheme = fluentThemeForSharePoint(this.themeProvider?.tryGetThemeV2(), classicTheme);
  }

  public render(): void {
    ReactDom.render(
      React.createElement(
        FluentProvider,
        { theme: this.fluentTheme },
        React.createElement(PartsProvider, { value: { strings, language: languageOfLocale(strings.Locale) } }, this.content())
      ),
      this.domElement
    );
  }

  protected override get disableReactivePropertyChanges(): boolean {
    // Each keystroke in an address field would otherwise build new clients; apply on "Apply" instead.
    return true;
  }

  protected override onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
    super.onDispose();
  }

  protected override get dataVersion(): Version {
    return Version.parse('1.0');
  }
}

/** A text for when the web part is not connected yet. */
export function notConfigured(): React.ReactElement {
  return React.createElement('p', { role: 'status' }, strings.NotConfigured);
}
