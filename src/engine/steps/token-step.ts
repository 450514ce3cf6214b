/**
 * The token-request step: `token-request.ts` speaks the authorization code, client credentials
 * and jwt-bearer grants; cross-app access (`identity-assertion-grant.ts`) builds on its helpers
 * and is handed in here, so neither module imports the other.
 */
import type { StepDefinition } from '../step.js';
import { requestTokensWithIdentityAssertion } from './identity-assertion-grant.js';
import { requestTokens } from './token-request.js';

export const tokenRequestStep: StepDefinition = { id: 'token-request', run: (ctx) => requestTokens(ctx, requestTokensWithIdentityAssertion) };
