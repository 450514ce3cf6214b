/**
 * The rule both searches for English left in Chinese use (the texts' parity test and the browser
 * test on the Chinese page): the runs of two or more English words in a text. A word is letters
 * only, lower case after the first, two letters or more ("failed", "Token"); acronyms (MCP, PKCE),
 * identifiers (add_numbers, tools/list, client-registration, camelCase), numbers and anything
 * with punctuation inside (URLs, header names, versions) are not words and break a run, as does
 * a sentence break.
 */
export function englishRuns(text: string): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 2) runs.push(run.join(' '));
    run = [];
  };
  // Tokens are split at white space only: "a.b", "x/y" and "Mcp-Session-Id" stay whole.
  for (const token of text.split(/\s+/)) {
    // Sentence punctuation at either end does not make a word an identifier.
    const word = token.replace(/^[("'“‘]+|[)"'”’.,;:!?…]+$/g, '');
    if (/^[A-Za-z][a-z]+$/.test(word)) {
      run.push(word);
      // A run ends at a sentence break, as in "word. Word".
      if (/[.,;:!?)]$/.test(token)) flush();
    } else flush();
  }
  flush();
  return runs;
}
