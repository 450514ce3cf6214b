/**
 * The arguments form of one tool, generated from its `inputSchema` by rjsf. Validation is
 * @cfworker/json-schema's (see ui-logic/form-validator.ts: Ajv cannot run under the relay's
 * content security policy). Loaded lazily (React.lazy in ToolsPanel), so rjsf stays out of the
 * first bundle.
 */
import Form from '@rjsf/core';
import { englishStringTranslator, TranslatableString, type RJSFValidationError, type UiSchema } from '@rjsf/utils';
import { useMemo } from 'react';
import type { McpTool } from '../engine/flow-data.js';
import { useT, type Translate } from '../i18n/index.js';
import { JsonSchemaFormValidator, schemaDraft } from '../ui-logic/form-validator.js';
import { toolFormSchema } from '../ui-logic/tool-schema.js';
import { ToolFormAddButton } from './ToolFormAddButton.js';
import './tool-form.css';
import '../i18n/messages/tokens.js';

export interface ToolFormProps {
  tool: McpTool;
  formData: Record<string, unknown>;
  busy: boolean;
  onChange: (args: Record<string, unknown>) => void;
  onSubmit: (args: Record<string, unknown>) => void;
}

type Arguments = Record<string, unknown>;

/** rjsf's own labels (array buttons, yes/no, optional data) in the UI's language. */
const RJSF_STRINGS: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.AddButton]: 'tools.form.add',
  [TranslatableString.AddItemButton]: 'tools.form.addItem',
  [TranslatableString.RemoveButton]: 'tools.form.remove',
  [TranslatableString.MoveUpButton]: 'tools.form.moveUp',
  [TranslatableString.MoveDownButton]: 'tools.form.moveDown',
  [TranslatableString.CopyButton]: 'tools.form.copy',
  [TranslatableString.ClearButton]: 'tools.form.clear',
  [TranslatableString.ErrorsLabel]: 'tools.form.errors',
  [TranslatableString.EmptyArray]: 'tools.form.emptyArray',
  [TranslatableString.ArrayItemTitle]: 'tools.form.item',
  [TranslatableString.YesLabel]: 'tools.form.yes',
  [TranslatableString.NoLabel]: 'tools.form.no',
  [TranslatableString.OptionalObjectAdd]: 'tools.form.optionalAdd',
  [TranslatableString.OptionalObjectRemove]: 'tools.form.optionalRemove',
  [TranslatableString.OptionalObjectEmptyMsg]: 'tools.form.optionalEmpty',
  [TranslatableString.Type]: 'tools.form.type',
  [TranslatableString.Value]: 'tools.form.value',
  [TranslatableString.KeyLabel]: 'tools.form.key',
  [TranslatableString.OptionPrefix]: 'tools.form.option',
};

/** Validation keywords with a message of ours, filled from the error's params (see form-validator.ts). */
const ERROR_KEYWORDS = new Set([
  'required',
  'type',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minItems',
  'maxItems',
  'uniqueItems',
  'anyOf',
  'oneOf',
  'not',
]);

export function ToolForm({ tool, formData, busy, onChange, onSubmit }: ToolFormProps) {
  const t = useT();
  const schema = useMemo(() => toolFormSchema(tool.inputSchema), [tool.inputSchema]);
  const validator = useMemo(() => new JsonSchemaFormValidator(schemaDraft(tool.inputSchema.$schema)), [tool.inputSchema]);
  const uiSchema: UiSchema<Arguments> = {
    'ui:submitButtonOptions': {
      submitText: busy ? t('tools.form.calling') : t('tools.form.call', { name: tool.name }),
      props: { disabled: busy },
    },
  };

  return (
    <div className="tool-form">
      <Form<Arguments>
        key={tool.name}
        schema={schema}
        uiSchema={uiSchema}
        validator={validator}
        formData={formData}
        idPrefix={`tool-${tool.name}`}
        noHtml5Validate
        showErrorList={false}
        focusOnFirstError
        translateString={(text, params) => translateRjsf(t, text, params)}
        transformErrors={(errors) => errors.map((error) => translateError(t, error))}
        onChange={(event) => onChange(event.formData ?? {})}
        onSubmit={(event) => onSubmit(event.formData ?? {})}
        // The errors are shown at their fields; without a handler rjsf also logs them to the console.
        onError={() => undefined}
        templates={{ ButtonTemplates: { AddButton: ToolFormAddButton } }}
      />
    </div>
  );
}

function translateRjsf(t: Translate, text: TranslatableString, params?: string[]): string {
  const key = RJSF_STRINGS[text];
  if (!key) return englishStringTranslator(text, params);
  return t(key, { name: params?.[0] ?? '', number: params?.[0] ?? '' });
}

function translateError(t: Translate, error: RJSFValidationError): RJSFValidationError {
  const name = error.name;
  if (!name || !ERROR_KEYWORDS.has(name)) return error;
  // The params of these keywords are flat strings and numbers (limit, type, pattern, format...).
  const params: Record<string, string | number> = {};
  if (typeof error.params === 'object' && error.params !== null) {
    for (const [key, value] of Object.entries(error.params as Record<string, unknown>)) {
      if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    }
  }
  return { ...error, message: t(`tools.error.${name}`, params) };
}
