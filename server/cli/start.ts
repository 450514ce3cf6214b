/**
 * `mcp-auth-debugger start`: the relay serving the built UI on loopback, and the embedded lab
 * as the default target unless --no-lab.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseFaultIds } from '../lab/faults.js';
import type { Lab } from '../lab/index.js';
import { createWorkshop } from '../lab/workshop.js';
import { describeListenError } from '../net/listen-error.js';
import { parsePortOption } from '../net/port-option.js';
import { startRelay, type Relay } from '../relay/index.js';
import { terminalSafe } from './terminal.js';
import { UsageError, type CliIo } from './usage.js';
import { untilInterrupted } from './wait-for-signal.js';

export const START_HELP = `Usage: mcp-auth-debugger start [options]

Starts the debugger on this machine and prints its URL.

  --port <n>        the debugger's port (default 4280; 0 picks a free one)
  --host <host>     loopback address to bind (default 127.0.0.1)
  --no-lab          do not start the demo lab
  --lab-port <n>    the lab's first port (default 4281; the MCP server takes the next)
  --auto-consent    the lab skips its login and consent pages
  --fault <id>      switch the lab into a misconfiguration (repeatable; see "lab --list-faults")
`;

export async function runStart(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'no-lab': { type: 'boolean' },
      'lab-port': { type: 'string' },
      'auto-consent': { type: 'boolean' },
      fault: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(START_HELP);
    return 0;
  }
  const host = values.host ?? '127.0.0.1';
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
    throw new UsageError('The relay binds to loopback only (127.0.0.1, localhost or ::1): it forwards requests for the browser.', START_HELP);
  }
  const port = portNumber(values.port ?? '4280', '--port');
  // dist/ is two levels up both from server/cli/ (a checkout) and from lib/cli/ (the built package).
  const staticDir = fileURLToPath(new URL('../../dist/', import.meta.url));

  const { faults, message: faultsMessage } = parseFaultIds(values.fault ?? []);
  if (faultsMessage) throw new UsageError(faultsMessage, START_HELP);
  if (faults.length > 0 && values['no-lab']) throw new UsageError('--fault needs the lab; drop --no-lab.', START_HELP);
  // The lab's port is checked before anything starts.
  const labPort = values['no-lab'] ? undefined : portNumber(values['lab-port'] ?? '4281', '--lab-port', 65534);

  if (!existsSync(`${staticDir}index.html`)) {
    const inCheckout = existsSync(new URL('../../server/cli/main.ts', import.meta.url));
    io.stderr(
      inCheckout
        ? 'mcp-auth-debugger: the browser UI is not built (dist/ is missing): run "npm run build" in this checkout, then start again.\n'
        : `mcp-auth-debugger: this installation is incomplete (${terminalSafe(staticDir)} is missing): reinstall it with "npm install -g mcp-auth-debugger".\n`,
    );
    return 2;
  }

  // The relay listens first, so the page answers while the lab (most of the start-up time) loads;
  // the page's config request waits for the lab.
  let labStarted: (lab: Lab) => void = () => undefined;
  let labFailed: (error: unknown) => void = () => undefined;
  const labStarting = new Promise<Lab>((resolve, reject) => {
    labStarted = resolve;
    labFailed = reject;
  });
  let relay: Relay;
  try {
    relay = await startRelay({
      host,
      port,
      staticDir,
      log: (line) => io.stderr(`${line}\n`),
      // The real MCP SDK clients, for the page's "Real SDK clients" switch; loaded on first use.
      clients: async (request) => (await import('../clients/run-sdk-clients.js')).runSdkClients(request),
      ...(labPort !== undefined
        ? {
            config: labStarting.then((lab) => ({ defaultServerUrl: lab.mcpUrl, lab: { mcpUrl: lab.mcpUrl, demoUser: lab.demoUser } })),
            // The trainer's switches (workshop view): the lab's faults change while it runs.
            workshop: labStarting.then((lab) => createWorkshop(lab)),
          }
        : {}),
    });
  } catch (error) {
    return cannotListen(error, '--port', io);
  }
  io.stdout(`mcp-auth-debugger is running at ${relay.url}\n`);

  let lab: Lab | undefined;
  if (labPort !== undefined) {
    // The lab's own lines (its URLs, its faults, sign-ins, refused tokens), marked as the lab's.
    const labSays = (line: string) => io.stdout(`lab: ${terminalSafe(line)}\n`);
    try {
      // Loaded on demand: --no-lab needs none of it.
      const { startLab } = await import('../lab/index.js');
      lab = await startLab({
        autoConsent: values['auto-consent'] === true,
        faults,
        authorizationServerPort: labPort,
        // The MCP server takes labPort + 1.
        mcpPort: labPort === 0 ? 0 : labPort + 1,
        log: labSays,
      });
    } catch (error) {
      labFailed(error);
      await relay.close();
      return cannotListen(error, '--lab-port', io);
    }
    labStarted(lab);
    io.stdout(`Demo lab MCP server: ${lab.mcpUrl}  (user ${lab.demoUser.username} / ${lab.demoUser.password})\n`);
    const { describeLab } = await import('../lab/main.js');
    for (const line of describeLab(lab, values['auto-consent'] === true)) labSays(line);
  }
  // Listening for Ctrl-C before saying so: a signal sent on reading the line finds the handler.
  const stopped = untilInterrupted(async () => {
    await relay.close();
    await lab?.close();
  });
  io.stdout('Press Ctrl-C to stop.\n');
  return stopped;
}

/** A port that could not be listened on: one line and exit code 2; anything else is rethrown. */
function cannotListen(error: unknown, portOption: string, io: CliIo): number {
  const line = describeListenError(error, portOption);
  if (line === undefined) throw error;
  io.stderr(`mcp-auth-debugger: ${line}\n`);
  return 2;
}

export function portNumber(text: string, flag: string, max = 65535): number {
  const option = parsePortOption(text, flag, max);
  if (!option.ok) throw new UsageError(option.message);
  return option.port;
}
