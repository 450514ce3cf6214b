/**
 * oauth4webapi on recorded traffic. Its request functions send through the step's recording
 * fetch, so every request is an exchange of the step; its strict `process…Response` functions
 * are replayed on a recorded answer for a second, spec-strict verdict without sending anything
 * again. (A debugger reports every violation itself first; the library says whether a strict
 * client would still turn the answer down.)
 */
import { textInEnglish } from '../checks/engine-phrases.js';
import { replayResponse } from '../recorder.js';
import type { ExchangeLabel, SentExchange, StepContext, StepHttp } from '../step.js';
import type { Exchange } from '../types.js';

export type RecordingFetch = ReturnType<StepHttp['fetch']>;

export interface LibraryRequest {
  exchange: Exchange;
  /**
   * False when the library got no answer: the recording fetch rejected, as fetch does on a
   * network failure, and the exchange holds the typed error.
   */
  answered: boolean;
}

/**
 * Runs one oauth4webapi request function with the recording fetch (pass it as `[customFetch]`)
 * and returns the exchange it recorded. The raw response is left to the caller to judge.
 */
export async function sendThroughLibrary(
  ctx: StepContext,
  label: ExchangeLabel,
  request: (customFetch: RecordingFetch) => Promise<unknown>,
  http: StepHttp = ctx.http,
): Promise<LibraryRequest> {
  const before = http.exchanges.length;
  let answered = true;
  try {
    await request(http.fetch(label));
  } catch (error) {
    // The recording fetch rejects with the recorded error as the cause; anything else is a bug to surface.
    const recorded = http.exchanges.at(-1);
    if (!(error instanceof TypeError) || http.exchanges.length === before || recorded?.error === undefined || error.cause !== recorded.error) throw error;
    answered = false;
  }
  // The last exchange is the answer that counts (a DPoP nonce demand is retried once).
  const exchange = http.exchanges.length > before ? http.exchanges.at(-1) : undefined;
  if (!exchange) throw new Error(`the ${textInEnglish(label)} was not recorded`);
  return { exchange, answered };
}

/**
 * A strict library's verdict on a recorded answer: the exchange is replayed as the `Response` a
 * real fetch would have given into an oauth4webapi `process…Response` function. Returns its error
 * message, or undefined when it accepts the answer.
 */
export async function strictVerdict(sent: Pick<SentExchange, 'response'>, process: (response: Response) => Promise<unknown>): Promise<string | undefined> {
  if (!sent.response) return 'no response';
  try {
    await process(replayResponse(sent.response));
    return undefined;
  } catch (error) {
    // The verdict is data: the library's message becomes a finding.
    return error instanceof Error ? error.message : String(error);
  }
}
