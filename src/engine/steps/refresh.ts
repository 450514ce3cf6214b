/**
 * Refresh: trades the refresh token for a new access token (with the same `resource`), judges the
 * answer by the token-request rules, and checks rotation: "For public clients, authorization
 * servers MUST rotate refresh tokens".
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization/security-considerations#token-theft
 */
import type { TokenData } from '../flow-data.js';
import { because } from '../checks/engine-phrases.js';
import { ok, skipped, type StepContext, type StepDefinition, type StepOutput } from '../step.js';
import { analyzeTokenResponse, callTokenEndpoint, tokenEndpointAuthMethod, tokenRequestResource } from './token-request.js';

export const refreshStep: StepDefinition = { id: 'refresh', run: refreshTokens };

async function refreshTokens(ctx: StepContext): Promise<StepOutput> {
  if (!ctx.options.refresh) return skipped(because('outcome.refresh.off'));
  const tokens = ctx.data.tokens;
  if (!tokens) return skipped(because('outcome.refresh.no-tokens'));
  if (!tokens.refreshToken) return skipped(because('outcome.refresh.no-refresh-token'));
  const metadata = ctx.data.authorizationServer?.metadata;
  if (!metadata) return skipped(because('outcome.refresh.no-metadata'));

  const parameters = new URLSearchParams({ refresh_token: tokens.refreshToken });
  const resource = tokenRequestResource(ctx);
  if (resource !== undefined) parameters.set('resource', resource);

  // A failed refresh is reported, but the flow goes on: the client still holds a usable access token.
  const call = await callTokenEndpoint(ctx, metadata, 'refresh_token', parameters);
  if (!call.ok) return ok();
  const analysis = await analyzeTokenResponse(ctx, call.exchange, { grant: 'refresh_token', requestedScope: tokens.scope, metadata, client: call.client, dpop: ctx.data.dpop !== undefined });
  if (!analysis.ok) return ok();

  checkRotation(ctx, tokens, analysis.tokens, call.exchange.id);
  return ok({ refreshedTokens: analysis.tokens });
}

/** OAuth 2.1 §4.3.1: public clients' refresh tokens MUST be rotated (sender-constrained tokens aside). */
function checkRotation(ctx: StepContext, before: TokenData, after: TokenData, exchangeId: string): void {
  const evidence = { exchangeId };
  if (after.refreshToken && after.refreshToken !== before.refreshToken) {
    ctx.report('refresh.rotated', { evidence });
    return;
  }
  const isPublic = tokenEndpointAuthMethod(ctx) === 'none';
  ctx.report(isPublic ? 'refresh.not-rotated-public-client' : 'refresh.not-rotated', { evidence });
}
