import type { CategoryId, SignalListQuery, SignalStatus } from '@weerbaar/shared';
import { amsterdamDay } from '../format';

/** The filters a user sets; they map one to one onto the list query of the API. */
export interface SignalFilterState {
  readonly status?: SignalStatus;
  readonly category?: CategoryId;
  /** yyyy-mm-dd, inclusive, on the day the signal was received. */
  readonly from?: string;
  readonly to?: string;
  readonly overdue?: 'acknowledgement' | 'feedback';
}

export const SAVED_VIEW_IDS = ['all', 'new', 'awaitingAcknowledgement', 'feedbackOverdue'] as const;
export type SavedViewId = (typeof SAVED_VIEW_IDS)[number];

/** How many days back "nieuw" looks: the legal acknowledgement term is 7 days as well. */
const NEW_SIGNAL_DAYS = 7;

/**
 * The saved views are named filter presets:
 * - "nieuw": received in the last 7 days, whatever its status;
 * - "wacht op ontvangstbevestiging": receipt not yet confirmed to the reporter (status received);
 * - "feedback te laat": the 3-month feedback term has passed without a closing feedback.
 */
export function savedViewFilters(view: SavedViewId, now: Date): SignalFilterState {
  switch (view) {
    case 'all':
      return {};
    case 'new':
      return { from: amsterdamDay(now, -NEW_SIGNAL_DAYS) };
    case 'awaitingAcknowledgement':
      return { status: 'received' };
    case 'feedbackOverdue':
      return { overdue: 'feedback' };
  }
}

/** The saved view whose preset equals the current filters exactly, if any (it shows as selected). */
export function activeSavedView(filters: SignalFilterState, now: Date): SavedViewId | undefined {
  return SAVED_VIEW_IDS.find((view) => sameFilters(savedViewFilters(view, now), filters));
}

function sameFilters(a: SignalFilterState, b: SignalFilterState): boolean {
  return a.status === b.status && a.category === b.category && a.from === b.from && a.to === b.to && a.overdue === b.overdue;
}

export const PAGE_SIZE = 25;

export function listQueryOf(filters: SignalFilterState): SignalListQuery {
  return { ...filters, sort: '-receivedAt', pageSize: PAGE_SIZE };
}
