/**
 * The engine functions the store calls, in one module the store imports lazily: the engine
 * (with the MCP SDK and the OAuth libraries) loads after the first paint, not before it.
 */
export { continueLeniently, refreshAgain, runAgain } from '../engine/actions.js';
export { createSession, provideCallback, runStep } from '../engine/session.js';
export { canContinueLeniently } from './flow-status.js';
