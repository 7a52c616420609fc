import { spfi, DefaultHeaders, DefaultInit, type SPFI } from '@pnp/sp';
import { BrowserFetchWithRetry, DefaultParse } from '@pnp/queryable';

/**
 * PnPjs against a SharePoint site by its URL, without the SPFx context: what the contract
 * tests (Node) and any script use. A web part makes its own in `onInit` with
 * `spfi().using(SPFx(this.context))` instead, never a shared module-level instance.
 */
export function spfiAt(siteUrl: string): SPFI {
  return spfi(siteUrl).using(DefaultHeaders(), DefaultInit(), BrowserFetchWithRetry(), DefaultParse());
}
