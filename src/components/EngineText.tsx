/** An engine text (a step's reason, an exchange's label, a transport's message) in the current language, its values from outside set as code. */
import { useEngineText } from '../i18n/engine-text.js';
import type { EngineTextSource } from '../ui-logic/engine-text.js';
import { MarkedText } from './MarkedText.js';

export function EngineText({ source, plain = false }: { source: EngineTextSource; plain?: boolean }) {
  const { parts, text } = useEngineText();
  return plain ? <>{text(source)}</> : <MarkedText parts={parts(source)} />;
}
