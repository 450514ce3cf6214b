import { useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';
import { toolCallHistory } from '../store/selectors.js';
import { ToolsPanel } from './ToolsPanel.js';

/** The Tools tab: the server's tools from the session; a call runs the authenticated MCP step again. */
export function ToolsView() {
  const t = useT();
  const session = useDebugger((s) => s.session);
  const running = useDebugger((s) => s.running);
  const callTool = useDebugger((s) => s.callTool);
  const stepUpScope = useDebugger((s) => s.stepUpScope);
  const waiting = session?.status.kind === 'waiting';
  return (
    <ToolsPanel
      tools={session?.data.mcp?.tools ?? []}
      calls={toolCallHistory(session)}
      onCall={callTool}
      busy={running}
      stepUpNotice={stepUpScope !== undefined && (running || waiting) ? t('app.tools.stepUp', { scope: stepUpScope }) : undefined}
    />
  );
}
