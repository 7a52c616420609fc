import * as React from 'react';
import type { SignalsClient } from '@weerbaar/shared';

/** What every dashboard component may use: the data port and the strings of the user's language. */
export interface DashboardServices {
  readonly client: SignalsClient;
  readonly strings: ISignaaldashboardWebPartStrings;
}

const DashboardContext = React.createContext<DashboardServices | undefined>(undefined);

export const DashboardProvider = DashboardContext.Provider;

export function useDashboard(): DashboardServices {
  const services = React.useContext(DashboardContext);
  if (!services) throw new Error('useDashboard must be used inside a DashboardProvider');
  return services;
}
