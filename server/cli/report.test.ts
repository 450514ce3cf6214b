import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeFinding } from '../../src/engine/checks/catalogue.js';
import { defaultFlowOptions } from '../../src/engine/options.js';
import { createSession } from '../../src/engine/session.js';
import { buildCheckReport, buildJunitReport } from './report.js';

describe('JUnit report', () => {
  it('escapes what servers wrote and replaces characters XML cannot carry', () => {
    // A token endpoint's error_description with a control character and markup, as a server may send it.
    const finding = makeFinding('token.error-response', '2026-07-28', { params: { status: '400', error: 'invalid_grant', description: 'bad\u0001code <b>&</b>' } });
    assert.ok(finding);
    const session = createSession(defaultFlowOptions('https://mcp.example.com/mcp'));
    session.results.push({ stepId: 'token-request', exchanges: [], findings: [{ ...finding, stepId: 'token-request' }], data: {}, outcome: { kind: 'failed', reason: 'no token' } });
    session.status = { kind: 'stopped', stepId: 'token-request', reason: 'no token' };

    const xml = buildJunitReport(session);
    assert.ok(![...xml].some((c) => c < ' ' && c !== '\n' && c !== '\t' && c !== '\r'), 'no control character XML 1.0 forbids');
    assert.match(xml, /bad\uFFFDcode &lt;b&gt;&amp;&lt;\/b&gt;/);
    assert.match(xml, /<testsuite name="https:\/\/mcp\.example\.com\/mcp" tests="1" failures="1" skipped="0">/);
    assert.match(xml, /<failure type="token\.error-response" message="[^"]+">/);
    assert.equal(buildCheckReport(session).ok, false);
  });
});
