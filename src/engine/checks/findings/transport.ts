import { defineFindings } from '../finding-definition.js';

/** Findings about the network, response bodies and the engine itself, in whichever step they occur. */
export const transportFindings = defineFindings([
  {
    id: 'engine.internal-error',
    stepId: 'probe',
    severity: 'error',
    specRefs: ['mcp:flow-steps'],
    text: {
      en: {
        title: 'The debugger hit an internal error',
        detail: 'Step {step} failed inside the debugger: {message}. This is a bug in mcp-auth-debugger, not in your server.',
        hint: 'Please report it with the exported session (secrets are redacted by default).',
      },
    },
  },
  {
    id: 'http.unreachable',
    stepId: 'probe',
    severity: 'error',
    specRefs: ['mcp:communication-security'],
    text: {
      en: {
        title: 'No answer from {url}',
        detail: 'The request to {url} failed ({kind}): {message}.',
        hint: 'Check the URL, that the server is running and listening on that address, and any proxy or firewall between.',
      },
    },
  },
  {
    id: 'http.body-too-large',
    stepId: 'probe',
    severity: 'error',
    specRefs: ['mcp:communication-security'],
    text: {
      en: {
        title: 'The answer from {url} is too large',
        detail: 'The body exceeded {limit} bytes and was cut; the debugger does not parse a cut document.',
        hint: 'Metadata documents are a few kilobytes. Check that the URL serves the document and not a download or a stream.',
      },
    },
  },
  {
    id: 'http.not-json',
    stepId: 'probe',
    severity: 'error',
    specRefs: ['rfc8414:3.2', 'rfc9728:3.2'],
    text: {
      en: {
        title: '{what} is not JSON',
        detail: '{url} answered with Content-Type "{contentType}" and a body that is not JSON ({reason}).',
        hint: 'Serve the document as application/json. An HTML answer usually means a front-end router or login page caught the path.',
      },
    },
  },
  {
    id: 'http.not-json-content-type',
    stepId: 'probe',
    severity: 'warning',
    specRefs: ['rfc8414:3.2', 'rfc9728:3.2'],
    text: {
      en: {
        title: '{what} is served with the wrong Content-Type',
        detail: '{url} answered with Content-Type "{contentType}"; the document must be served as application/json.',
        hint: 'Set Content-Type: application/json on the response.',
      },
    },
  },
]);
