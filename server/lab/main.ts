/**
 * `mcp-auth-debugger lab` as a function: parses the command's arguments, starts the lab and
 * prints what a person needs to use it. The command (`server/cli/lab.ts`) keeps the process
 * alive and closes the lab on Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { describeListenError } from '../net/listen-error.js';
import { LAB_FAULTS, startLab, type Lab } from './index.js';
import { parseFaultIds } from './faults.js';
import { parsePortOption } from '../net/port-option.js';
import { isAuditFault, isCorsFault, needsLegacyRevision } from './workshop.js';

export const DEFAULT_LAB_PORT = 4281;

export type LabCommandResult =
  /** The lab is running; the caller owns it and must close it. */
  | { kind: 'started'; lab: Lab }
  /** Nothing is running: listing, usage error (2) or start failure (1). */
  | { kind: 'exit'; exitCode: number };

export const LAB_USAGE = `Usage: mcp-auth-debugger lab [--fault <id>]... [--auto-consent] [--port <n>] [--list-faults [--format json]]

  --fault <id>     switch on a misconfiguration (repeatable); see --list-faults
  --auto-consent   sign the demo user in and approve every request without pages
  --port <n>       authorization server on port n, MCP server on n+1 (default ${DEFAULT_LAB_PORT};
                   0 picks two free ports)
  --list-faults    print the available faults and exit (--format json: each with the finding
                   ids it triggers, the check it needs and, where the default revision shows
                   nothing, the revision to judge by)`;

function listFaults(out: (line: string) => void, format: 'text' | 'json' = 'text'): void {
  if (format === 'json') {
    // Each fault is named after the finding it triggers; `needs` is the check that must be on to
    // see it, `spec` the revision the run must be judged by where the default one shows nothing.
    const faults = LAB_FAULTS.map((fault) => ({
      id: fault.id,
      summary: fault.summary,
      summaryZh: fault.summaryZh,
      findings: [fault.id],
      ...(isAuditFault(fault.id) ? { needs: 'audit' } : isCorsFault(fault.id) ? { needs: 'cors' } : {}),
      ...(needsLegacyRevision(fault.id) ? { spec: '2025-11-25' } : {}),
    }));
    // Line by line: each line reaches the terminal as it is, and the whole stays valid JSON.
    for (const line of JSON.stringify({ faults }, null, 2).split('\n')) out(line);
    return;
  }
  const width = Math.max(...LAB_FAULTS.map((fault) => fault.id.length));
  for (const fault of LAB_FAULTS) out(`${fault.id.padEnd(width)}  ${fault.summary}`);
}

export function describeLab(lab: Lab, autoConsent: boolean): string[] {
  const activeFaults = lab.faults();
  return [
    `MCP server:            ${lab.mcpUrl}`,
    `Authorization server:  ${lab.issuer}`,
    `Demo user:             ${lab.demoUser.username} / ${lab.demoUser.password}`,
    // Client secrets stay in-process (the debugger reads them from the Lab object); never printed.
    `Pre-registered client: ${lab.preRegisteredClient.clientId} (redirect URIs on any loopback port)`,
    `Consent:               ${autoConsent ? 'automatic (no login or consent pages)' : 'login and consent pages'}`,
    `Faults:                ${activeFaults.length > 0 ? activeFaults.join(', ') : 'none'}`,
  ];
}

export async function runLabFromArgs(args: string[], out: (line: string) => void): Promise<LabCommandResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        fault: { type: 'string', multiple: true },
        'list-faults': { type: 'boolean' },
        format: { type: 'string' },
        'auto-consent': { type: 'boolean' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    out(error instanceof Error ? error.message : String(error));
    out(LAB_USAGE);
    return { kind: 'exit', exitCode: 2 };
  }
  const { values } = parsed;

  if (values.help) {
    out(LAB_USAGE);
    return { kind: 'exit', exitCode: 0 };
  }
  if (values['list-faults']) {
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') {
      out(`--format must be text or json; got ${format}.`);
      return { kind: 'exit', exitCode: 2 };
    }
    listFaults(out, format);
    return { kind: 'exit', exitCode: 0 };
  }

  const { faults, unknown } = parseFaultIds(values.fault ?? []);
  if (unknown.length > 0) {
    out(`Unknown fault${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Valid fault ids:`);
    listFaults((line) => out(`  ${line}`));
    return { kind: 'exit', exitCode: 2 };
  }

  // The MCP server takes the next port.
  const portOption = parsePortOption(values.port ?? String(DEFAULT_LAB_PORT), '--port', 65534);
  if (!portOption.ok) {
    out(portOption.message);
    return { kind: 'exit', exitCode: 2 };
  }
  const { port } = portOption;

  let lab: Lab;
  try {
    lab = await startLab({
      faults,
      autoConsent: values['auto-consent'] ?? false,
      authorizationServerPort: port,
      mcpPort: port === 0 ? 0 : port + 1,
      log: (line) => out(`lab: ${line}`),
    });
  } catch (error) {
    const listenError = describeListenError(error, '--port');
    if (listenError !== undefined) {
      out(`The lab could not start: ${listenError}`);
      return { kind: 'exit', exitCode: 2 };
    }
    out(`The lab could not start: ${error instanceof Error ? error.message : String(error)}`);
    return { kind: 'exit', exitCode: 1 };
  }

  for (const line of describeLab(lab, values['auto-consent'] ?? false)) out(line);
  return { kind: 'started', lab };
}
