import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { ThemeProvider, type IReadonlyTheme } from '@microsoft/sp-component-base';
import { PropertyPaneTextField, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import type { AgendaClient } from '@weerbaar/shared';

import * as strings from 'AfdelingsagendaWebPartStrings';
import { AadTransport } from '../../services/AadTransport';
import { HttpAgendaClient } from '../../services/AgendaClients';
import { HttpOrganisationClient, type OrganisationClient } from '../../services/OrganisationClients';
import { resolveApiSettings } from '../../services/apiSettings';
import { ApiNotConfigured } from '../signaaldashboard/components/ApiNotConfigured';
import { fluentThemeForSharePoint, fluentThemeForTeams } from '../signaaldashboard/theme/hostFluentTheme';
import { Afdelingsagenda } from './components';

export interface IAfdelingsagendaWebPartProps {
  /** The municipality instance's base URL; empty means: use the tenant property. */
  apiBaseUrl?: string;
  /** The Entra application id URI of the API; empty means: use the tenant property. */
  apiAppIdUri?: string;
}

/**
 * Composition root of the Afdelingsagenda: the host's Fluent UI v9 theme (Teams or SharePoint), the
 * AgendaClient over AadHttpClient, and the view inside a FluentProvider. All UI lives in ./components.
 */
export default class AfdelingsagendaWebPart extends BaseClientSideWebPart<IAfdelingsagendaWebPartProps> {
  private fluentTheme: Theme = webLightTheme;
  private themeProvider: ThemeProvider | undefined;
  private client: AgendaClient | undefined;
  private organisation: OrganisationClient | undefined;

  protected override async onInit(): Promise<void> {
    await super.onInit();
    await this.connect();
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

  /** (Re)creates the client from the web part or tenant properties; none when neither names the API. */
  private async connect(): Promise<void> {
    const settings = await resolveApiSettings(this.properties, this.context.spHttpClient, this.context.pageContext.web.absoluteUrl);
    const transport = settings ? new AadTransport(this.context.aadHttpClientFactory, settings.apiBaseUrl, settings.appIdUri) : undefined;
    this.client = transport ? new HttpAgendaClient(transport, strings.Locale) : undefined;
    this.organisation = transport ? new HttpOrganisationClient(transport, strings.Locale) : undefined;
  }

  protected override onThemeChanged(classicTheme: IReadonlyTheme | undefined): void {
    if (this.context.sdks.microsoftTeams) {
      return;
    }
    this.fluentTheme = fluentThemeForSharePoint(this.themeProvider?.tryGetThemeV2(), classicTheme);
  }

  public render(): void {
    const content = this.client
      ? React.createElement(Afdelingsagenda, { client: this.client, organisation: this.organisation, strings })
      : React.createElement(ApiNotConfigured, { message: strings.ApiNotConfigured });
    ReactDom.render(React.createElement(FluentProvider, { theme: this.fluentTheme }, content), this.domElement);
  }

  protected override onAfterPropertyPaneChangesApplied(): void {
    void this.connect().then(() => this.render());
  }

  protected override get disableReactivePropertyChanges(): boolean {
    // Each keystroke in the URL fields would otherwise build a new client; apply on "Apply" instead.
    return true;
  }

  protected override getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupFields: [
                PropertyPaneTextField('apiBaseUrl', { label: strings.ApiBaseUrlLabel }),
                PropertyPaneTextField('apiAppIdUri', { label: strings.ApiAppIdUriLabel })
              ]
            }
          ]
        }
      ]
    };
  }

  protected override onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
    super.onDispose();
  }

  protected override get dataVersion(): Version {
    return Version.parse('1.0');
  }
}
