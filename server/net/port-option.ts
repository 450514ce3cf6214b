/**
 * A port given on the command line (`start --port`, `start --lab-port`, `lab --port`): digits
 * only, from 0 (any free port) to `max` (65534 where the next port is taken too). One parser and
 * one message for every command.
 */
export type PortOption = { ok: true; port: number } | { ok: false; message: string };

export function parsePortOption(text: string, flag: string, max = 65535): PortOption {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isInteger(port) && port <= max) return { ok: true, port };
  return { ok: false, message: `${flag} must be a port number from 0 to ${max}${max < 65535 ? ' (the next port is used too)' : ''}, not "${text}".` };
}
