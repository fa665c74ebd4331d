import { useEffect, useState } from 'react';
import type { ConnectionState } from '../lab/ws-lab-client.ts';
import { useLab } from '../store/store-context.tsx';

/** A run error from the lab (live mode unavailable, a failed start or stop), shown until dismissed. */
export function RunErrorBanner() {
  const error = useLab((s) => s.runError);
  const dismiss = useLab((s) => s.dismissRunError);
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="run-error">
      <span>{error}</span>
      <button type="button" onClick={dismiss} aria-label="Dismiss the error">
        ✕
      </button>
    </div>
  );
}

/** Subscribes to connection changes, for transports that have a connection to lose. */
export type ConnectionWatch = (listener: (state: ConnectionState) => void) => () => void;

/** Says so while the lab connection is down; the client reconnects on its own. */
export function ConnectionNotice({ watch }: { watch: ConnectionWatch | undefined }) {
  const [state, setState] = useState<ConnectionState>('open');
  useEffect(() => watch?.(setState), [watch]);
  if (state === 'open' || !watch) return null;
  return (
    <div className="banner banner-warn" role="status" data-testid="connection-notice">
      The connection to the lab was lost; reconnecting…
    </div>
  );
}
