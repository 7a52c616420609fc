import * as React from 'react';
import { Button } from '@fluentui/react-components';
import type { SignalListQuery } from '@weerbaar/shared';
import { useDashboard } from '../DashboardContext';
import { amsterdamDay, format } from '../format';

export interface CsvDownloadButtonProps {
  readonly query: SignalListQuery;
  readonly onError: (message: string) => void;
}

/**
 * Downloads the signals of the current filters as CSV. The service writes the file (no reporter
 * identity, formula injection neutralised); the browser only saves it, through a temporary blob URL.
 */
export function CsvDownloadButton(props: CsvDownloadButtonProps): React.ReactElement {
  const { client, strings } = useDashboard();
  const [busy, setBusy] = React.useState(false);

  const download = (): void => {
    setBusy(true);
    client.exportCsv(props.query).then(
      (csv) => {
        const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
        const link = document.createElement('a');
        link.href = url;
        link.download = 'signalen-' + amsterdamDay(new Date()) + '.csv';
        document.body.appendChild(link);
        link.click();
        link.remove();
        // Revoked after the click has been handled; the download keeps its own copy.
        setTimeout(() => URL.revokeObjectURL(url), 0);
        setBusy(false);
      },
      (reason: unknown) => {
        props.onError(format(strings.DownloadFailed, reason instanceof Error ? reason.message : String(reason)));
        setBusy(false);
      }
    );
  };

  return (
    <Button onClick={download} disabled={busy} aria-busy={busy}>
      {strings.DownloadCsv}
    </Button>
  );
}
