/**
 * Every phrase table of the engine in one lookup: the findings' phrases, the outcome reasons,
 * the exchange labels and the transport messages. The engine stores each such text twice: in
 * English (for text reports and older readers) and as an id with params, a `TextRef`, so the UI
 * can render it in the reader's language with the same phrase machinery as findings' params.
 */
import { PHRASES } from './finding-phrases.js';
import { EXCHANGE_LABELS, LABEL_EXTENSIONS, type ExchangeLabelId, type LabelExtensionId } from './exchange-labels.js';
import { OUTCOME_REASONS, type OutcomeReasonId } from './outcome-reasons.js';
import { PHRASE_PREFIX, resolvePhraseValue, type PhraseLanguage, type PhraseText } from './phrase-reference.js';
import { TRANSPORT_MESSAGES, type TransportMessageId } from '../../wire/transport-messages.js';

export const ENGINE_PHRASES = { ...PHRASES, ...OUTCOME_REASONS, ...EXCHANGE_LABELS, ...TRANSPORT_MESSAGES } as const satisfies Record<string, PhraseText>;

export type EnginePhraseId = keyof typeof ENGINE_PHRASES;

/** An engine text by id, with the values for its placeholders (plain values or phrase references). */
export interface TextRef<Id extends string = EnginePhraseId> {
  id: Id;
  params?: Record<string, string>;
}

const TABLE: Readonly<Record<string, PhraseText>> = ENGINE_PHRASES;

function isEnginePhraseId(id: string): id is EnginePhraseId {
  return Object.hasOwn(TABLE, id);
}

export function enginePhraseText(language: PhraseLanguage): (id: string) => string | undefined {
  return (id) => (Object.hasOwn(TABLE, id) ? TABLE[id]?.[language] : undefined);
}

/** The text in a language, placeholders filled; undefined when some phrase on the way is unknown. */
export function renderTextRef(ref: { id: string; params?: Readonly<Record<string, string>> }, language: PhraseLanguage): string | undefined {
  return resolvePhraseValue(`${PHRASE_PREFIX}${ref.id}`, ref.params ?? {}, enginePhraseText(language));
}

export function textInEnglish(ref: TextRef<string>): string {
  return renderTextRef(ref, 'en') ?? ref.id;
}

const withParams = <Id extends string>(id: Id, params?: Record<string, string>): TextRef<Id> => (params && Object.keys(params).length > 0 ? { id, params } : { id });

/** Why a step failed or was skipped (see outcome-reasons.ts). */
export function because(id: OutcomeReasonId, params?: Record<string, string>): TextRef<OutcomeReasonId> {
  return withParams(id, params);
}

/** What an exchange is for (see exchange-labels.ts). */
export function exchangeLabel(id: ExchangeLabelId, params?: Record<string, string>): TextRef<ExchangeLabelId> {
  return withParams(id, params);
}

/** A label extended by another ("… (after redirect 1)"): the extended one becomes a phrase reference in the params. */
export function extendLabel(label: TextRef<ExchangeLabelId>, extension: LabelExtensionId, params: Record<string, string> = {}): TextRef<ExchangeLabelId> {
  return { id: extension, params: { ...label.params, ...params, [LABEL_EXTENSIONS[extension]]: `${PHRASE_PREFIX}${label.id}` } };
}

/** Why an exchange has no (complete) answer (see transport-messages.ts). */
export function transportMessage(id: TransportMessageId, params?: Record<string, string>): TextRef<TransportMessageId> {
  return withParams(id, params);
}

/** An exchange error of a kind with its message: in English, and by id and params for other languages. */
export function exchangeError<K extends string>(kind: K, message: TextRef<TransportMessageId>): { kind: K; message: string; messageId: string; messageParams?: Record<string, string> } {
  return { kind, message: textInEnglish(message), messageId: message.id, ...(message.params ? { messageParams: message.params } : {}) };
}

/**
 * A transport's message as params of a finding or a reason: `message` is a reference to the
 * message's phrase (its own params beside it) when the error has an id, else the English text.
 */
export function transportMessageParams(error: { message: string; messageId?: string; messageParams?: Record<string, string> }): Record<string, string> {
  if (error.messageId === undefined || !isEnginePhraseId(error.messageId)) return { message: error.message };
  return { ...error.messageParams, message: `${PHRASE_PREFIX}${error.messageId}` };
}

/** A phrase reference to put into params, for any engine phrase. */
export function enginePhrase(id: EnginePhraseId): string {
  return `${PHRASE_PREFIX}${id}`;
}
