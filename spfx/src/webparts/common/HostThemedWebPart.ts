import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Log, Version } from '@microsoft/sp-core-library';
import { ThemeProvider, type IReadonlyTheme } from '@microsoft/sp-component-base';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import { fluentThemeForSharePoint, fluentThemeForTeams } from '../signaaldashboard/theme/hostFluentTheme';

/**
 * What every Weerbaar Twente web part shares: the host's Fluent UI v9 theme (the Teams theme
 * inside Teams, the site theme in SharePoint), the React root and its clean-up. Subclasses
 * stay composition roots: they make their clients and say what to render.
 */
export abstract class HostThemedWebPart<P extends object> extends BaseClientSideWebPart<P> {
  private fluentTheme: Theme = webLightTheme;
  private themeProvider: ThemeProvider | undefined;

  /** The web part's content, rendered inside the host-themed FluentProvider. */
  protected abstract renderContent(): React.ReactElement;

  protected override async onInit(): Promise<void> {
    await super.onInit();
    const teams = this.context.sdks.microsoftTeams;
    if (teams) {
      // Inside Teams the user sees the Teams theme around the tab, not the SharePoint site's theme.
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

  /** Called by SPFx for page and section theme changes; SPFx re-renders afterwards. */
  protected override onThemeChanged(classicTheme: IReadonlyTheme | undefined): void {
    if (this.context.sdks.microsoftTeams) return;
    this.fluentTheme = fluentThemeForSharePoint(this.themeProvider?.tryGetThemeV2(), classicTheme);
  }

  /**
   * Renders again once `work` is done (new clients after the property pane's "Apply", say). SPFx
   * calls its hooks synchronously, so the promise ends here: a failure goes to the SPFx log
   * instead of becoming an unhandled rejection.
   */
  protected renderWhenDone(work: Promise<void>): void {
    work.then(
      () => this.render(),
      (reason: unknown) => {
        const error = reason instanceof Error ? reason : new Error(String(reason));
        Log.error(this.context.manifest.alias, error, this.context.serviceScope);
      }
    );
  }

  public render(): void {
    ReactDom.render(React.createElement(FluentProvider, { theme: this.fluentTheme }, this.renderContent()), this.domElement);
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
