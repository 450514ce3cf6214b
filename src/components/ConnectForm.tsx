import { useId, type FormEvent, type ReactNode } from 'react';
import type { RegistrationMode } from '../engine/options.js';
import { SPEC_VERSIONS } from '../engine/types.js';
import { useT } from '../i18n/index.js';
import { DPOP_MODES, REGISTRATION_MODES, type ConnectField, type MessageRef } from '../store/connect-form.js';
import { useDebugger } from '../store/index.js';
import { CopyableValue } from './CopyableValue.js';
import { RecentServers } from './RecentServers.js';

/**
 * Where the person says what to debug: the MCP server, the spec version, how the client
 * registers, the scope, and the advanced switches. Folds away once a run starts.
 */
export function ConnectForm() {
  const t = useT();
  const form = useDebugger((s) => s.form);
  const errors = useDebugger((s) => s.formErrors);
  const setField = useDebugger((s) => s.setField);
  const start = useDebugger((s) => s.start);
  const pointAtDemoLab = useDebugger((s) => s.pointAtDemoLab);
  const lab = useDebugger((s) => s.relayConfig?.lab);
  const relayOffersClients = useDebugger((s) => s.relayConfig?.clients === true);
  const defaultServerUrl = useDebugger((s) => s.relayConfig?.defaultServerUrl);
  const redirectUri = useDebugger((s) => s.redirectUri());
  const running = useDebugger((s) => s.running);
  const expanded = useDebugger((s) => s.connectExpanded);
  const hasSession = useDebugger((s) => s.session !== undefined);
  const setExpanded = useDebugger((s) => s.setConnectExpanded);
  const id = useId();
  const fieldId = (field: ConnectField) => `${id}-${field}`;
  const errorId = (field: ConnectField) => `${id}-${field}-error`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void start('run');
  };
  const tryLab = () => {
    if (pointAtDemoLab()) void start('run');
  };
  const errorFor = (field: ConnectField) => errors[field];
  const invalid = (field: ConnectField) =>
    errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': errorId(field) } : {};
  const showsClientId = form.registration === 'pre' || form.registration === 'auto';
  const showsMetadataUrl = form.registration === 'cimd' || form.registration === 'auto';

  const body = (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t('app.connect.title')}>
      <div>
        <label htmlFor={fieldId('serverUrl')} className="field-label">
          {t('app.connect.serverUrl')}
        </label>
        <input
          id={fieldId('serverUrl')}
          type="text"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          value={form.serverUrl}
          placeholder={defaultServerUrl ?? 'https://example.com/mcp'}
          onChange={(e) => setField('serverUrl', e.target.value)}
          className="field-input font-mono"
          {...invalid('serverUrl')}
        />
        <FieldError id={errorId('serverUrl')} error={errorFor('serverUrl')} />
        {defaultServerUrl && form.serverUrl.trim() === '' ? <p className="field-help">{t('app.connect.defaultServer')}</p> : null}
      </div>

      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={running}>
          {t('app.connect.run')}
        </button>
        <button type="button" className="btn-secondary" disabled={running} onClick={() => void start('step')}>
          {t('app.connect.step')}
        </button>
        {lab ? (
          <button type="button" className="btn-secondary" disabled={running} onClick={tryLab}>
            {t('app.connect.tryLab')}
          </button>
        ) : null}
      </div>

      <div>
        <label htmlFor={fieldId('spec')} className="field-label">
          {t('app.connect.spec')}
        </label>
        <select id={fieldId('spec')} value={form.spec} onChange={(e) => setField('spec', SPEC_VERSIONS.find((v) => v === e.target.value) ?? form.spec)} className="field-input">
          {SPEC_VERSIONS.map((version, i) => (
            <option key={version} value={version}>
              {i === SPEC_VERSIONS.length - 1 ? t('app.connect.specLatest', { version }) : version}
            </option>
          ))}
        </select>
      </div>

      <fieldset>
        <legend className="field-label">{t('app.connect.registration')}</legend>
        <div className="grid grid-cols-1 gap-x-2 gap-y-1 lg:grid-cols-2">
          {REGISTRATION_MODES.map((mode) => (
            <label key={mode} className="flex items-center gap-1.5 text-sm">
              <input type="radio" name={`${id}-registration`} value={mode} checked={form.registration === mode} onChange={() => setField('registration', mode as RegistrationMode)} className="accent-sky-700" />
              {t(`app.connect.registration.${mode}`)}
            </label>
          ))}
        </div>
        <p className="field-help">{t(`app.connect.registration.${form.registration}.help`)}</p>
      </fieldset>

      {showsClientId ? (
        <>
          <TextField label={t(form.registration === 'pre' ? 'app.connect.clientId' : 'app.connect.clientIdOptional')} id={fieldId('clientId')} errorId={errorId('clientId')} error={errorFor('clientId')}>
            <input id={fieldId('clientId')} type="text" autoComplete="off" spellCheck={false} value={form.clientId} onChange={(e) => setField('clientId', e.target.value)} className="field-input font-mono" {...invalid('clientId')} />
          </TextField>
          <TextField label={t('app.connect.clientSecret')} id={fieldId('clientSecret')} errorId={errorId('clientSecret')} error={undefined}>
            <input id={fieldId('clientSecret')} type="password" autoComplete="off" value={form.clientSecret} onChange={(e) => setField('clientSecret', e.target.value)} className="field-input font-mono" />
          </TextField>
        </>
      ) : null}
      {showsMetadataUrl ? (
        <TextField
          label={t(form.registration === 'cimd' ? 'app.connect.metadataUrl' : 'app.connect.metadataUrlOptional')}
          id={fieldId('clientMetadataUrl')}
          errorId={errorId('clientMetadataUrl')}
          error={errorFor('clientMetadataUrl')}
        >
          <input
            id={fieldId('clientMetadataUrl')}
            type="text"
            inputMode="url"
            spellCheck={false}
            value={form.clientMetadataUrl}
            placeholder="https://client.example/metadata.json"
            onChange={(e) => setField('clientMetadataUrl', e.target.value)}
            className="field-input font-mono"
            {...invalid('clientMetadataUrl')}
          />
        </TextField>
      ) : null}

      <TextField label={t('app.connect.scope')} id={fieldId('scope')} errorId={errorId('scope')} error={undefined} help={t('app.connect.scope.help')}>
        <input id={fieldId('scope')} type="text" spellCheck={false} value={form.scope} placeholder="mcp:tools" onChange={(e) => setField('scope', e.target.value)} className="field-input font-mono" />
      </TextField>

      <div>
        <span className="field-label">{t('app.connect.redirectUri')}</span>
        <CopyableValue value={redirectUri} label={t('app.connect.redirectUri')} />
        <p className="field-help">{t('app.connect.redirectUri.help')}</p>
      </div>

      <details className="group rounded-md border border-slate-200 dark:border-slate-700">
        <summary className="cursor-pointer px-2 py-1.5 text-sm font-medium text-slate-700 dark:text-slate-300">{t('app.connect.advanced')}</summary>
        <div className="space-y-2 border-t border-slate-200 p-2 dark:border-slate-700">
          <Toggle id={fieldId('omitResource')} checked={form.omitResource} onChange={(v) => setField('omitResource', v)} label={t('app.connect.omitResource')} help={t('app.connect.omitResource.help')} />
          <Toggle id={fieldId('lenient')} checked={form.lenient} onChange={(v) => setField('lenient', v)} label={t('app.connect.lenient')} help={t('app.connect.lenient.help')} />
          <Toggle id={fieldId('audit')} checked={form.audit} onChange={(v) => setField('audit', v)} label={t('app.connect.audit')} help={t('app.connect.audit.help')} />
          <Toggle id={fieldId('cors')} checked={form.cors} onChange={(v) => setField('cors', v)} label={t('cors.connect.toggle')} help={t('cors.connect.help')} />
          {relayOffersClients ? (
            <Toggle id={fieldId('clients')} checked={form.clients} onChange={(v) => setField('clients', v)} label={t('clients.connect.toggle')} help={t('clients.connect.help')} />
          ) : null}
          <div>
            <label htmlFor={fieldId('dpop')} className="field-label">
              {t('app.connect.dpop')}
            </label>
            <select id={fieldId('dpop')} value={form.dpop} onChange={(e) => setField('dpop', DPOP_MODES.find((m) => m === e.target.value) ?? form.dpop)} className="field-input" aria-describedby={`${fieldId('dpop')}-help`}>
              {DPOP_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`app.connect.dpop.${mode}`)}
                </option>
              ))}
            </select>
            <p id={`${fieldId('dpop')}-help`} className="field-help">
              {t('app.connect.dpop.help')}
            </p>
          </div>
          <TextField label={t('app.connect.extraHeaders')} id={fieldId('extraHeaders')} errorId={errorId('extraHeaders')} error={errorFor('extraHeaders')} help={t('app.connect.extraHeaders.help')}>
            <textarea
              id={fieldId('extraHeaders')}
              rows={3}
              spellCheck={false}
              value={form.extraHeaders}
              placeholder="X-Tenant: acme"
              onChange={(e) => setField('extraHeaders', e.target.value)}
              className="field-input font-mono"
              {...invalid('extraHeaders')}
            />
          </TextField>
        </div>
      </details>
    </form>
  );

  if (!hasSession) {
    return (
      <section aria-labelledby={`${id}-title`} className="panel space-y-3 p-3">
        <h2 id={`${id}-title`} className="panel-title">
          {t('app.connect.title')}
        </h2>
        {body}
        <RecentServers />
      </section>
    );
  }
  return (
    <details open={expanded} onToggle={(e) => setExpanded(e.currentTarget.open)} className="panel">
      <summary className="cursor-pointer px-3 py-2">
        <span className="panel-title">{t('app.connect.title')}</span>
        {!expanded ? <span className="mt-0.5 block truncate font-mono text-xs text-slate-600 dark:text-slate-400">{form.serverUrl || defaultServerUrl}</span> : null}
      </summary>
      <div className="space-y-3 border-t border-slate-200 p-3 dark:border-slate-700">
        {body}
        <RecentServers />
      </div>
    </details>
  );
}

function FieldError({ id, error }: { id: string; error: MessageRef | undefined }) {
  const t = useT();
  if (!error) return null;
  return (
    <p id={id} className="mt-1 text-xs text-red-700 dark:text-red-300">
      {t(error.key, error.params)}
    </p>
  );
}

function TextField({ label, id, errorId, error, help, children }: { label: string; id: string; errorId: string; error: MessageRef | undefined; help?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
      <FieldError id={errorId} error={error} />
      {help ? <p className="field-help">{help}</p> : null}
    </div>
  );
}

function Toggle({ id, checked, onChange, label, help }: { id: string; checked: boolean; onChange: (value: boolean) => void; label: string; help: string }) {
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={`${id}-help`} className="mt-0.5 accent-sky-700" />
      <div>
        <label htmlFor={id} className="text-sm">
          {label}
        </label>
        <p id={`${id}-help`} className="field-help mt-0">
          {help}
        </p>
      </div>
    </div>
  );
}
