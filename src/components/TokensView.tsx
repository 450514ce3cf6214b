import { useEffect, useState } from 'react';
import { useDebugger } from '../store/index.js';
import { latestStepFindings } from '../store/selectors.js';
import { TokenPanel } from './TokenPanel.js';

/** The Tokens tab: the token panel fed from the session, with a clock that ticks each second. */
export function TokensView() {
  const session = useDebugger((s) => s.session);
  const running = useDebugger((s) => s.running);
  const refresh = useDebugger((s) => s.refresh);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const data = session?.data;
  const canRefresh = (data?.refreshedTokens ?? data?.tokens)?.refreshToken !== undefined;
  return (
    <TokenPanel
      tokens={data?.tokens}
      refreshedTokens={data?.refreshedTokens}
      inspection={data?.tokenInspection}
      findings={latestStepFindings(session, 'token-inspection')}
      now={now}
      onRefresh={canRefresh ? () => void refresh() : undefined}
      busy={running}
    />
  );
}
