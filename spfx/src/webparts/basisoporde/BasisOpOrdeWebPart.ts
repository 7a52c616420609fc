import * as React from 'react';
import { PropertyPaneTextField, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { spfi, type SPFI } from '@pnp/sp';
import { SPFx } from '@pnp/sp/behaviors/spfx';
import * as strings from 'BasisOpOrdeWebPartStrings';
import { AadTransport } from '../../services/AadTransport';
import { JsonApi } from '../../services/ApiTransport';
import { LazyChecklistClient } from '../../services/LazyChecklistClient';
import { resolveApiSettings } from '../../services/apiSettings';
import { Checklist } from './components/Checklist';
import { PartsWebPartBase, notConfigured } from './PartsWebPartBase';

export interface IBasisOpOrdeWebPartProps {
  /** CBS code of the municipality whose checklist this site keeps. */
  municipalityCode?: string;
  /** The municipality instance's API (requirement 2b asks whether it is live); empty: the tenant property. */
  apiBaseUrl?: string;
  apiAppIdUri?: string;
}

/**
 * Composition root of "Basis op orde": the working checklist on the site's SharePoint list
 * through PnPjs. The SPFI is made here, per web part instance, in onInit (never a shared
 * module-level one), so it carries this web part's context and token.
 */
export default class BasisOpOrdeWebPart extends PartsWebPartBase<IBasisOpOrdeWebPartProps> {
  private sp: SPFI | undefined;
  private checklist: LazyChecklistClient | undefined;

  protected override async onInit(): Promise<void> {
    await super.onInit();
    this.sp = spfi().using(SPFx(this.context));
    await this.connect();
  }

  private async connect(): Promise<void> {
    const code = this.properties.municipalityCode?.trim() ?? '';
    if (!this.sp || !/^\d{4}$/.test(code)) {
      this.checklist = undefined;
      return;
    }
    const settings = await resolveApiSettings(this.properties, this.context.spHttpClient, this.context.pageContext.web.absoluteUrl);
    const health = settings ? new JsonApi(new AadTransport(this.context.aadHttpClientFactory, settings.apiBaseUrl, settings.appIdUri), strings.Locale) : undefined;
    const sp = this.sp;
    const options = {
      municipalityCode: code,
      editorUpn: this.context.pageContext.user.loginName,
      // 2b: the instance that runs the bot and /melden answers for this municipality.
      signalChannelLive: async () => {
        if (!health) return false;
        const status = await health.json<{ status?: string; municipalityCodes?: string[] }>('GET', '/api/health').catch(() => undefined);
        return status?.status === 'ok' && (status.municipalityCodes ?? []).indexOf(code) >= 0;
      }
    };
    this.checklist = new LazyChecklistClient(async () => {
      const { PnpChecklistService } = await import(/* webpackChunkName: 'checklist-data' */ '../../services/PnpChecklistService');
      return new PnpChecklistService(sp, options);
    });
  }

  protected content(): React.ReactElement {
    return this.checklist ? React.createElement(Checklist, { client: this.checklist }) : notConfigured();
  }

  protected override onAfterPropertyPaneChangesApplied(): void {
    this.renderWhenDone(this.connect());
  }

  protected override getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupFields: [
                PropertyPaneTextField('municipalityCode', { label: strings.MunicipalityCodeLabel }),
                PropertyPaneTextField('apiBaseUrl', { label: strings.ApiBaseUrlLabel }),
                PropertyPaneTextField('apiAppIdUri', { label: strings.ApiAppIdUriLabel })
              ]
            }
          ]
        }
      ]
    };
  }
}
