/**
 * The step table: one definition per stage. A `Record` over every StepId, so adding a stage
 * without its definition does not compile.
 */
import type { StepDefinition } from '../step.js';
import type { StepId } from '../types.js';
import { auditStep } from './audit.js';
import { authenticatedMcpStep } from './authenticated-mcp.js';
import { authorizationRequestStep } from './authorization-request.js';
import { authorizationResponseStep } from './authorization-response.js';
import { corsStep } from './cors.js';
import { authorizationServerMetadataStep } from './authorization-server-metadata.js';
import { clientRegistrationStep } from './client-registration.js';
import { probeStep } from './probe.js';
import { protectedResourceMetadataStep } from './protected-resource-metadata.js';
import { refreshStep } from './refresh.js';
import { tokenInspectionStep } from './token-inspection.js';
import { tokenRequestStep } from './token-step.js';

export const STEP_DEFINITIONS: Record<StepId, StepDefinition> = {
  probe: probeStep,
  'protected-resource-metadata': protectedResourceMetadataStep,
  'authorization-server-metadata': authorizationServerMetadataStep,
  'client-registration': clientRegistrationStep,
  'authorization-request': authorizationRequestStep,
  'authorization-response': authorizationResponseStep,
  'token-request': tokenRequestStep,
  'token-inspection': tokenInspectionStep,
  'authenticated-mcp': authenticatedMcpStep,
  refresh: refreshStep,
  audit: auditStep,
  cors: corsStep,
};
