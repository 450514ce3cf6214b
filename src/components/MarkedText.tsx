/** Text in parts, the values from outside (URLs, statuses, a server's words) set as code. */
import type { TextPart } from '../ui-logic/engine-text.js';

export function MarkedText({ parts }: { parts: readonly TextPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.data ? (
          <code key={index} className="font-mono text-[0.95em] break-all">
            {part.text}
          </code>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
