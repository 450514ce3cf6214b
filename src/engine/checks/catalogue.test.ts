import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LAB_FAULTS } from '../../../server/lab/faults.js';
import { SPEC_VERSIONS, STEP_IDS } from '../types.js';
import { allFindingDefinitions, makeFinding, severityFor } from './catalogue.js';
import { isKnownSpecRef, resolveSpecRef } from './spec-refs.js';


describe('findings catalogue', () => {
  const entries = allFindingDefinitions();

  it('has unique, stable-looking dotted ids filed under a real stage', () => {
    const ids = entries.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    for (const entry of entries) {
      assert.match(entry.id, /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/, entry.id);
      assert.ok((STEP_IDS as readonly string[]).includes(entry.stepId), `${entry.id} stage`);
    }
  });

  it('gives every id an English text and at least one spec or RFC reference that resolves for every version', () => {
    for (const entry of entries) {
      assert.ok(entry.text.en.title.trim() && entry.text.en.detail.trim(), `${entry.id} has English text`);
      assert.ok(entry.specRefs.length > 0, `${entry.id} cites the spec`);
      for (const ref of entry.specRefs) {
        assert.ok(isKnownSpecRef(ref), `${entry.id}: ${ref} is in the registry`);
        for (const version of SPEC_VERSIONS) {
          const { url } = resolveSpecRef(ref, version);
          assert.match(url, /^https:\/\/(modelcontextprotocol\.io\/specification\/\d{4}-\d{2}-\d{2}\/(basic|server)\/|www\.rfc-editor\.org\/rfc\/rfc\d+#|datatracker\.ietf\.org|openid\.net|fetch\.spec\.whatwg\.org)/, `${entry.id}: ${url}`);
        }
      }
    }
  });

  it('links MCP clauses to the selected version where that version has the section', () => {
    assert.equal(resolveSpecRef('mcp:canonical-uri', '2025-06-18').url, 'https://modelcontextprotocol.io/specification/2025-06-18/basic/authorization#canonical-server-uri');
    assert.equal(
      resolveSpecRef('mcp:audience-binding', '2026-07-28').url,
      'https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization/security-considerations#token-audience-binding-and-validation',
    );
    // PRM discovery does not exist in 2025-03-26: the nearest later version is linked.
    assert.match(resolveSpecRef('mcp:prm-discovery', '2025-03-26').url, /\/2025-06-18\//);
    assert.equal(resolveSpecRef('rfc9728:3.3', '2026-07-28').url, 'https://www.rfc-editor.org/rfc/rfc9728#section-3.3');
  });

  it('builds findings with severities per spec version', () => {
    const finding = makeFinding('prm.resource-mismatch', '2025-11-25', { params: { resource: 'a', expected: 'b' } });
    assert.equal(finding?.severity, 'error');
    const offIn = entries.find((e) => Object.values(e.bySpec ?? {}).includes('off'));
    assert.ok(offIn, 'some rule is off in some version');
    const version = SPEC_VERSIONS.find((v) => offIn.bySpec?.[v] === 'off');
    assert.ok(version);
    assert.equal(severityFor(offIn, version), undefined);
    assert.equal(makeFinding(offIn.id, version), undefined);
  });

  it('has a finding for every lab fault, since each fault is named after the finding it triggers', () => {
    const ids = new Set(entries.map((e) => e.id));
    for (const fault of LAB_FAULTS) assert.ok(ids.has(fault.id), fault.id);
  });
});
