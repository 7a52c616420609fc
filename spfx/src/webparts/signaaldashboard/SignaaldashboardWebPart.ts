import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { ThemeProvider, type IReadonlyTheme } from '@microsoft/sp-component-base';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';

import * as strings from 'SignaaldashboardWebPartStrings';
import { Signaaldashboard } from './components/Signaaldashboard';
import { fluentThemeForSharePoint, fluentThemeForTeams } from './theme/hostFluentTheme';

/** The web part has no configurable properties yet. */
export interface ISignaaldashboardWebPartProps {}

/**
 * Composition root of the signal dashboard: picks the Fluent UI v9 theme of the host (Teams or SharePoint)
 * and renders the dashboard inside a FluentProvider. All UI lives in ./components.
 */
export default class SignaaldashboardWebPart extends BaseClientSideWebPart<ISignaaldashboardWebPartProps> {
  private fluentTheme: Theme = webLightTheme;
  private themeProvider: ThemeProvider | undefined;

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
    this.fluentTheme = fluentThemeForSharePoint(
      this.themeProvider.tryGetThemeV2(),
      this.themeProvider.tryGetTheme()
    );
  }

  /** Called by SPFx for page and section theme changes; SPFx re-renders afterwards. */
  protected override onThemeChanged(classicTheme: IReadonlyTheme | undefined): void {
    if (this.context.sdks.microsoftTeams) {
      return;
    }
    this.fluentTheme = fluentThemeForSharePoint(this.themeProvider?.tryGetThemeV2(), classicTheme);
  }

  public render(): void {
    const dashboard = React.createElement(Signaaldashboard, {
      heading: strings.DashboardHeading,
      emptyStateTitle: strings.EmptyStateTitle,
      emptyStateDescription: strings.EmptyStateDescription
    });
    ReactDom.render(React.createElement(FluentProvider, { theme: this.fluentTheme }, dashboard), this.domElement);
  }

  protected override onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
    super.onDispose();
  }

  protected override get dataVersion(): Version {
    return Version.parse('1.0');
  }
}
