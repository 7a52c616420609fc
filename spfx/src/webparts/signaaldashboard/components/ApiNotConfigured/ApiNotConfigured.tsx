import * as React from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** Shown instead of the dashboard while neither the web part nor the tenant names the signals API. */
export function ApiNotConfigured(props: { readonly message: string }): React.ReactElement {
  return (
    <MessageBar intent="info">
      <MessageBarBody>{props.message}</MessageBarBody>
    </MessageBar>
  );
}
