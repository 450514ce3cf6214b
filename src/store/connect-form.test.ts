import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectFormFrom, connectFormFromQuery, emptyConnectForm, flowOptionsFromForm, parseHeaderLines, validateConnectForm, type ConnectForm } from './connect-form.js';

const form = (patch: Partial<ConnectForm>): ConnectForm => ({ ...emptyConnectForm(), serverUrl: 'https://mcp.example.com/mcp', ...patch });

describe('validateConnectForm', () => {
  it('accepts an http(s) URL and nothing else', () => {
    assert.deepEqual(validateConnectForm(form({}), undefined), {});
    assert.equal(validateConnectForm(form({ serverUrl: 'mcp.example.com/mcp' }), undefined).serverUrl?.key, 'app.connect.error.urlMalformed');
    assert.equal(validateConnectForm(form({ serverUrl: 'ftp://mcp.example.com/' }), undefined).serverUrl?.key, 'app.connect.error.urlScheme');
    assert.equal(validateConnectForm(form({ serverUrl: 'https://mcp.example.com/mcp#x' }), undefined).serverUrl?.key, 'app.connect.error.urlFragment');
    assert.equal(validateConnectForm(form({ serverUrl: '  ' }), undefined).serverUrl?.key, 'app.connect.error.urlRequired');
    assert.deepEqual(validateConnectForm(form({ serverUrl: '' }), 'http://127.0.0.1:4282/mcp'), {});
  });

  it('asks for what the registration mode needs', () => {
    assert.equal(validateConnectForm(form({ registration: 'pre' }), undefined).clientId?.key, 'app.connect.error.clientIdRequired');
    assert.equal(validateConnectForm(form({ registration: 'cimd' }), undefined).clientMetadataUrl?.key, 'app.connect.error.metadataUrlRequired');
    assert.equal(
      validateConnectForm(form({ registration: 'cimd', clientMetadataUrl: 'http://client.example/cimd.json' }), undefined).clientMetadataUrl?.key,
      'app.connect.error.metadataUrlHttps',
    );
    assert.deepEqual(validateConnectForm(form({ registration: 'dcr', clientMetadataUrl: 'not a url' }), undefined), {}, 'a hidden field does not block');
  });

  it('names the header line that is not `Name: value`', () => {
    const errors = validateConnectForm(form({ extraHeaders: 'X-Ok: 1\n\nbad line' }), undefined);
    assert.deepEqual(errors.extraHeaders, { key: 'app.connect.error.headerLine', params: { line: 3, text: 'bad line' } });
  });
});

describe('parseHeaderLines', () => {
  it('reads names and values, skipping blank lines', () => {
    assert.deepEqual(parseHeaderLines('X-Tenant: acme\r\n\n  X-Empty:  \nX-Colon: a:b'), {
      ok: true,
      headers: [
        ['X-Tenant', 'acme'],
        ['X-Empty', ''],
        ['X-Colon', 'a:b'],
      ],
    });
    assert.equal(parseHeaderLines(': no name').ok, false);
    assert.equal(parseHeaderLines('Bad Name: x').ok, false);
  });
});

describe('flowOptionsFromForm', () => {
  it('passes only the credentials the registration mode uses', () => {
    const typed = form({ registration: 'dcr', clientId: 'abc', clientSecret: 's3cret', clientMetadataUrl: 'https://c.example/m.json', scope: ' mcp:tools ' });
    const options = flowOptionsFromForm(typed, { redirectUri: 'http://127.0.0.1:4280/callback' });
    assert.equal(options.clientId, undefined);
    assert.equal(options.clientSecret, undefined);
    assert.equal(options.clientMetadataUrl, undefined);
    assert.equal(options.scope, 'mcp:tools');
    assert.equal(options.redirectUri, 'http://127.0.0.1:4280/callback');

    const pre = flowOptionsFromForm({ ...typed, registration: 'pre' }, { redirectUri: 'r' });
    assert.equal(pre.clientId, 'abc');
    assert.equal(pre.clientSecret, 's3cret');
    const auto = flowOptionsFromForm({ ...typed, registration: 'auto' }, { redirectUri: 'r' });
    assert.equal(auto.clientMetadataUrl, 'https://c.example/m.json');
  });

  it('carries the advanced options and uses the default server when none was typed', () => {
    const options = flowOptionsFromForm(form({ serverUrl: '', omitResource: true, lenient: true, audit: true, extraHeaders: 'X-A: 1' }), {
      redirectUri: 'r',
      defaultServerUrl: 'http://127.0.0.1:4282/mcp',
    });
    assert.equal(options.serverUrl, 'http://127.0.0.1:4282/mcp');
    assert.deepEqual([options.omitResource, options.lenient, options.audit], [true, true, true]);
    assert.deepEqual(options.extraHeaders, [['X-A', '1']]);
  });
});

describe('connectFormFromQuery', () => {
  it('fills the server and the choices a link may carry', () => {
    const linked = connectFormFromQuery('?server=https%3A%2F%2Fmcp.example.com%2Fmcp&spec=2025-06-18&registration=dcr&scope=a+b&run=1', emptyConnectForm());
    assert.equal(linked?.form.serverUrl, 'https://mcp.example.com/mcp');
    assert.equal(linked?.form.spec, '2025-06-18');
    assert.equal(linked?.form.registration, 'dcr');
    assert.equal(linked?.form.scope, 'a b');
    assert.equal(linked?.run, 'run');
    assert.equal(connectFormFromQuery('?other=1', emptyConnectForm()), undefined);
  });

  it('never carries credentials typed for another server over to the linked one', () => {
    const typed = form({ clientId: 'abc', clientSecret: 's3cret', extraHeaders: 'Authorization: Bearer x' });
    const other = connectFormFromQuery('?server=https://evil.example/mcp', typed);
    assert.equal(other?.form.clientSecret, '');
    assert.equal(other?.form.extraHeaders, '');
    const same = connectFormFromQuery(`?server=${encodeURIComponent(typed.serverUrl)}`, typed);
    assert.equal(same?.form.clientSecret, 's3cret');
  });
});

describe('connectFormFrom', () => {
  it('keeps well-typed fields and drops the rest', () => {
    const read = connectFormFrom({ serverUrl: 'https://x.example/mcp', spec: '1999-01-01', registration: 'pre', lenient: 'yes', audit: true });
    assert.equal(read?.serverUrl, 'https://x.example/mcp');
    assert.equal(read?.spec, emptyConnectForm().spec);
    assert.equal(read?.registration, 'pre');
    assert.equal(read?.lenient, false);
    assert.equal(read?.audit, true);
    assert.equal(connectFormFrom('nope'), undefined);
  });
});
