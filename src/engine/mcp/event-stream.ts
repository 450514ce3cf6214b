/**
 * Server-sent events (`text/event-stream`), as Streamable HTTP answers a request with a stream:
 * blank lines end an event, `data:` lines join with newlines, lines starting with `:` are
 * comments. Shared by the engine (reading JSON-RPC answers) and the UI (showing a stream).
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
export interface StreamEvent {
  event?: string;
  id?: string;
  data: string;
}

export function parseEventStream(body: string): StreamEvent[] {
  const events: StreamEvent[] = [];
  let data: string[] = [];
  let event: string | undefined;
  let id: string | undefined;
  const flush = () => {
    if (data.length > 0) events.push({ data: data.join('\n'), ...(event !== undefined ? { event } : {}), ...(id !== undefined ? { id } : {}) });
    data = [];
    event = undefined;
    id = undefined;
  };
  for (const line of body.split(/\r\n|\r|\n/)) {
    if (line === '') {
      flush();
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id') id = value;
  }
  flush();
  return events;
}
