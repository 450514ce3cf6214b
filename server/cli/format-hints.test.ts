/**
 * The known-server hints in every report of a run against Keycloak whose Trusted Hosts policy
 * refused the registration: the terminal text, the JSON `hints` field, JUnit and Markdown. And a
 * run against an unknown server adds nothing to any of them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KEYCLOAK_METADATA, KEYCLOAK_TRUSTED_HOSTS_REFUSAL, PLAIN_METADATA } from '../../src/engine/hints/fixtures/recorded-answers.js';
import { discoverAndRegister } from '../../src/engine/hints/fixtures/sessions.js';
import { sessionToMarkdown } from '../../src/export/markdown.js';
import { formatFooter } from './format-text.js';
import { buildCheckReport, buildJunitReport } from './report.js';
import { createStyle } from './terminal.js';

const keycloakRefusal = () =>
  discoverAndRegister(KEYCLOAK_METADATA, { [`POST ${KEYCLOAK_METADATA.registration_endpoint}`]: { status: 403, body: KEYCLOAK_TRUSTED_HOSTS_REFUSAL } });

test('the text report names Keycloak, its clues and the numbered Trusted Hosts steps', async () => {
  const text = formatFooter(await keycloakRefusal(), createStyle(false));
  assert.match(text, /^Hints for Keycloak$/m);
  assert.match(text, /recognised by: the issuer has a realm path: https:\/\/sso\.example\.com\/realms\/mcp/);
  assert.match(text, /hint Keycloak’s Trusted Hosts policy refuses anonymous registration \[explains registration\.dcr-rejected\]/);
  assert.match(text, /^ {4}1\. In the admin console open the realm mcp, then Clients → Client registration/m);
  assert.match(text, /^ {4}4\. Save and run again/m);
});

test('the JSON report carries the hints in English; JUnit a property and the steps', async () => {
  const session = await keycloakRefusal();
  const report = buildCheckReport(session);
  assert.equal(report.hints.length, 1);
  assert.equal(report.hints[0]?.recognition.product, 'keycloak');
  assert.equal(report.hints[0]?.recognition.certainty, 'confirmed');
  assert.deepEqual(report.hints[0]?.hints.map((h) => [h.id, h.findingIds]), [['keycloak.trusted-hosts', ['registration.dcr-rejected']]]);
  const xml = buildJunitReport(session);
  assert.match(xml, /<property name="recognised\.keycloak" value="confirmed"\/>/);
  assert.match(xml, /<system-out>Hints for Keycloak \(recognised by: [^<]*Trusted Hosts[^<]*\n {2}1\. In the admin console/);
  assert.match(xml, /<\/system-out>\n {2}<\/testsuite>/);
});

test('the Markdown report has a Known servers section with the steps', async () => {
  const markdown = sessionToMarkdown(await keycloakRefusal(), '0.0.0');
  assert.match(markdown, /^## Known servers$/m);
  assert.match(markdown, /^### Hints for Keycloak$/m);
  assert.match(markdown, /^\*\*Keycloak’s Trusted Hosts policy refuses anonymous registration\*\* \(explains `registration\.dcr-rejected`\)$/m);
  assert.match(markdown, /^2\. Add the address the debugger registers from/m);
});

test('a run against a server that is none of the products gets no hints anywhere', async () => {
  const session = await discoverAndRegister(PLAIN_METADATA);
  assert.doesNotMatch(formatFooter(session, createStyle(false)), /Hints for/);
  assert.deepEqual(buildCheckReport(session).hints, []);
  assert.doesNotMatch(buildJunitReport(session), /recognised\.|<system-out>Hints/);
  assert.doesNotMatch(sessionToMarkdown(session, '0.0.0'), /Known servers/);
});
