/**
 * oidc-provider's classes, loaded without the notice the package prints when it is imported on a
 * Node.js release older than 22 LTS ("Unsupported runtime. Use Node.js v22.x LTS"). This project
 * supports Node.js 20.19 and its tests run the lab there; the notice would only reach the
 * terminal of a person starting the debugger, who can do nothing about it. Only that line is
 * dropped, and only while the package loads; every other warning passes.
 * The lab imports oidc-provider's values from here (its types straight from the package).
 */
import type * as OidcProvider from 'oidc-provider';

const RUNTIME_NOTICE = 'oidc-provider WARNING: Unsupported runtime.';

async function importWithoutRuntimeNotice(): Promise<typeof OidcProvider> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes(RUNTIME_NOTICE)) return;
    warn.apply(console, args);
  };
  try {
    return await import('oidc-provider');
  } finally {
    console.warn = warn;
  }
}

const oidcProvider = await importWithoutRuntimeNotice();

export const Provider = oidcProvider.default;
export const errors = oidcProvider.errors;
