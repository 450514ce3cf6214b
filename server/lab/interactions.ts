/**
 * The sign-in and consent steps of the lab's authorization server, built on oidc-provider's
 * interaction API: the provider redirects the user-agent to `INTERACTION_PATH/<uid>`, the
 * handlers here show a page (or, with autoConsent, decide at once) and hand the result back
 * with `interactionFinished`, which answers 303 to the provider's resume URL.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { InteractionResults } from 'oidc-provider';
import { errors } from './oidc-provider.js';
import { z } from 'zod';
import { DEMO_USER, INTERACTION_PATH, MCP_SCOPE, REALM_PATH } from './demo-realm.js';
import { renderConsentPage, renderLocalizedErrorPage, renderLoginPage, sendPage } from './interaction-pages.js';
import { choosePageLanguage, fillText, INTERACTION_TEXTS, type InteractionTextKey, type PageLanguage } from './interaction-texts.js';

export interface InteractionHandlerOptions {
  provider: Provider;
  /** Sign the demo user in and grant everything asked for, without any page. */
  autoConsent: boolean;
  /** The extra audience every grant covers (see AUDIT_AUDIENCE_PATH), labelled on the consent page. */
  auditAudience: string;
  log: (line: string) => void;
}

/** oidc-provider's `prompt.details` for the consent prompt (typed as unknown by the library). */
const ConsentDetailsSchema = z.object({
  missingOIDCScope: z.array(z.string()).optional(),
  missingOIDCClaims: z.array(z.string()).optional(),
  missingResourceScopes: z.record(z.string(), z.array(z.string())).optional(),
});
type ConsentDetails = z.infer<typeof ConsentDetailsSchema>;

const InteractionParamsSchema = z.object({ client_id: z.string() });

/** A Map, not an object: a scope named like an Object.prototype member must not find one. */
const SCOPE_DESCRIPTIONS: ReadonlyMap<string, InteractionTextKey> = new Map([
  ['openid', 'scope.openid'],
  ['profile', 'scope.profile'],
  ['email', 'scope.email'],
  ['offline_access', 'scope.offline_access'],
  [MCP_SCOPE, 'scope.mcp'],
]);

/** Form bodies here are two short fields; anything larger is not a form of ours. */
const MAX_FORM_BYTES = 16 * 1024;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_FORM_BYTES) throw new FormTooLargeError();
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

class FormTooLargeError extends Error {
  constructor() {
    super(`form body larger than ${MAX_FORM_BYTES} bytes`);
  }
}

/** Compares digests so neither the length nor the content of the secret leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function createInteractionHandler(options: InteractionHandlerOptions) {
  const { provider, autoConsent, auditAudience, log } = options;
  const realmName = REALM_PATH.split('/').pop() ?? '';
  const realmLabel = (language: PageLanguage): string => fillText(INTERACTION_TEXTS[language].realm, { realm: realmName });

  async function clientLabel(clientId: string): Promise<string> {
    const client = await provider.Client.find(clientId);
    return client?.clientName ?? clientId;
  }

  async function finishLogin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const result: InteractionResults = { login: { accountId: DEMO_USER.username } };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }

  /** Grants exactly what the provider reports missing, on the existing grant when there is one. */
  async function finishConsent(
    req: IncomingMessage,
    res: ServerResponse,
    interaction: { accountId: string; clientId: string; grantId: string | undefined; details: ConsentDetails },
  ): Promise<void> {
    const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
    const grant = existing ?? new provider.Grant({ accountId: interaction.accountId, clientId: interaction.clientId });
    const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = interaction.details;
    if (missingOIDCScope?.length) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims?.length) grant.addOIDCClaims(missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    log(`consent granted to client ${interaction.clientId}`);
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  async function deny(req: IncomingMessage, res: ServerResponse, description: string): Promise<void> {
    const result: InteractionResults = { error: 'access_denied', error_description: description };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }

  /**
   * `page.language` starts from Accept-Language and turns to the request's ui_locales once the
   * interaction is known, so a failure after that point answers in the same language.
   */
  async function handle(req: IncomingMessage, res: ServerResponse, pathname: string, page: { language: PageLanguage }): Promise<void> {
    const [uid, action, ...rest] = pathname.slice(INTERACTION_PATH.length + 1).split('/');
    if (!uid || rest.length > 0) {
      sendPage(res, 404, renderLocalizedErrorPage(page.language, 'error.notFound', [['error.label.path', pathname]]));
      return;
    }
    const method = req.method ?? 'GET';
    const expected = action === undefined ? 'GET' : 'POST';
    if (method !== expected || (action !== undefined && !['login', 'consent', 'abort'].includes(action))) {
      res.setHeader('Allow', expected);
      sendPage(res, 405, renderLocalizedErrorPage(page.language, 'error.methodNotAllowed', [['error.label.method', method]]));
      return;
    }

    // The interaction is found through its cookie; the uid in the path must name the same
    // one, so an old tab cannot act on a newer request.
    const interaction = await provider.interactionDetails(req, res);
    if (interaction.uid !== uid) {
      sendPage(res, 400, renderLocalizedErrorPage(page.language, 'error.outOfDate', [], 'hint.startAgain'));
      return;
    }
    const params = InteractionParamsSchema.parse(interaction.params);
    page.language = choosePageLanguage({ uiLocales: interaction.params.ui_locales, acceptLanguage: req.headers['accept-language'] });
    const { language } = page;
    const promptName = interaction.prompt.name;
    const selfUrl = `${INTERACTION_PATH}/${encodeURIComponent(uid)}`;

    if (action === 'abort') {
      await deny(req, res, 'The user cancelled the sign-in.');
      return;
    }

    if (promptName === 'login') {
      if (autoConsent) {
        log(`auto-consent: signing in ${DEMO_USER.username} for client ${params.client_id}`);
        await finishLogin(req, res);
        return;
      }
      if (action === 'login') {
        const form = await readForm(req);
        const username = form.get('username') ?? '';
        const password = form.get('password') ?? '';
        // Evaluate both comparisons so a wrong username costs the same time as a wrong password.
        const userOk = sameSecret(username, DEMO_USER.username);
        const passwordOk = sameSecret(password, DEMO_USER.password);
        if (userOk && passwordOk) {
          log(`sign-in succeeded for ${DEMO_USER.username}`);
          await finishLogin(req, res);
          return;
        }
        log('sign-in failed: wrong username or password');
        sendPage(res, 200, renderLoginPage({
          language,
          realmLabel: realmLabel(language),
          clientLabel: await clientLabel(params.client_id),
          actionUrl: `${selfUrl}/login`,
          abortUrl: `${selfUrl}/abort`,
          username,
          error: 'signIn.wrongCredentials',
          demoUser: DEMO_USER,
        }));
        return;
      }
      sendPage(res, 200, renderLoginPage({
        language,
        realmLabel: realmLabel(language),
        clientLabel: await clientLabel(params.client_id),
        actionUrl: `${selfUrl}/login`,
        abortUrl: `${selfUrl}/abort`,
        demoUser: DEMO_USER,
      }));
      return;
    }

    if (promptName === 'consent') {
      const accountId = interaction.session?.accountId;
      if (!accountId) {
        sendPage(res, 400, renderLocalizedErrorPage(language, 'error.notSignedIn', [], 'hint.startAgain'));
        return;
      }
      const details = ConsentDetailsSchema.parse(interaction.prompt.details);
      const consent = { accountId, clientId: params.client_id, grantId: interaction.grantId, details };
      if (autoConsent) {
        await finishConsent(req, res, consent);
        return;
      }
      if (action === 'consent') {
        const form = await readForm(req);
        if (form.get('decision') === 'approve') {
          await finishConsent(req, res, consent);
        } else {
          log(`consent denied to client ${params.client_id}`);
          await deny(req, res, 'The user denied access.');
        }
        return;
      }
      const texts = INTERACTION_TEXTS[language];
      sendPage(res, 200, renderConsentPage({
        language,
        realmLabel: realmLabel(language),
        clientLabel: await clientLabel(params.client_id),
        clientId: params.client_id,
        actionUrl: `${selfUrl}/consent`,
        scopes: [...new Set([
          ...(details.missingOIDCScope ?? []),
          ...Object.values(details.missingResourceScopes ?? {}).flat(),
        ])].map((value) => ({ value, description: texts[SCOPE_DESCRIPTIONS.get(value) ?? 'scope.other'] })),
        // The audience the person asked for first, the lab's audit audience last.
        resources: Object.entries(details.missingResourceScopes ?? {})
          .sort(([a], [b]) => Number(a === auditAudience) - Number(b === auditAudience))
          .map(([indicator, scopes]) => ({
            indicator,
            scopes,
            ...(indicator === auditAudience ? { note: texts['consent.auditAudienceNote'] } : {}),
          })),
      }));
      return;
    }

    sendPage(res, 400, renderLocalizedErrorPage(language, 'error.unsupportedStep', [['error.label.prompt', promptName]]));
  }

  /** Answers every failure with a page; nothing here may crash the lab. */
  return async function handleInteraction(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const page = { language: choosePageLanguage({ acceptLanguage: req.headers['accept-language'] }) };
    try {
      await handle(req, res, pathname, page);
    } catch (error) {
      if (res.headersSent) {
        log(`interaction failed after the answer started: ${String(error)}`);
        res.destroy();
        return;
      }
      if (error instanceof errors.SessionNotFound) {
        sendPage(res, 400, renderLocalizedErrorPage(page.language, 'error.expired', [], 'hint.startAgainWithCookies'));
        return;
      }
      if (error instanceof FormTooLargeError) {
        const limit = fillText(INTERACTION_TEXTS[page.language]['error.limitBytes'], { bytes: String(MAX_FORM_BYTES) });
        sendPage(res, 413, renderLocalizedErrorPage(page.language, 'error.tooLarge', [['error.label.limit', limit]]));
        return;
      }
      log(`interaction failed: ${error instanceof Error ? error.message : String(error)}`);
      sendPage(res, 500, renderLocalizedErrorPage(page.language, 'error.unexpected', [], 'hint.seeLog'));
    }
  };
}
