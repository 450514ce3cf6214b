/**
 * Error answers that tell an attacker how the server is built: stack traces, SQL errors, file
 * paths on the server, errors of the services behind it. Seen from outside in what the server
 * answers to the audit's invalid requests (the tutorial's "verbose error messages" pitfall).
 */

export type LeakKind = 'stack-trace' | 'sql-error' | 'file-path' | 'upstream-error';

/** A line break as sent, or escaped inside a JSON string. */
const BREAK = String.raw`(?:\n|\\n)`;

const PATTERNS: readonly (readonly [LeakKind, RegExp])[] = [
  [
    'stack-trace',
    new RegExp(
      [
        // JavaScript: "    at verify (/srv/app/auth.js:12:7)" or "at /srv/app/auth.js:12:7"
        String.raw`${BREAK}\s*at (?:[\w$.<>\[\] ]+ \()?(?:file:\/\/)?[^\s()]+:\d+:\d+\)?`,
        // Python, Java, Ruby, Go, PHP, .NET
        String.raw`Traceback \(most recent call last\)`,
        String.raw`${BREAK}\s*at [\w$.]+\([\w$]+\.(?:java|kt|scala):\d+\)`,
        String.raw`Exception in thread "`,
        String.raw`\.rb:\d+:in \x60`,
        String.raw`goroutine \d+ \[running\]`,
        String.raw`PHP (?:Fatal|Parse) error|Stack trace:${BREAK}#0 `,
        String.raw`${BREAK}\s*at [\w.]+\.[\w<>]+\([^)]*\) in [^\s]+:line \d+`,
      ].join('|'),
    ),
  ],
  ['sql-error', /SQLSTATE\[|syntax error at or near "|\bORA-\d{5}\b|You have an error in your SQL syntax|\bSQLITE_(?:ERROR|CONSTRAINT)\b|duplicate key value violates unique constraint|relation "[^"]+" does not exist/],
  [
    'file-path',
    /(?:^|[\s"'(=:])(?:\/(?:home|var|usr|srv|opt|app|etc|tmp|root|Users)\/[\w.@-]+\/[\w.@/-]+|[A-Za-z]:\\{1,2}(?:Users|inetpub|Program Files|Windows|app|src)\\{1,2}[\w. \\-]+|[\w./-]*node_modules\/[\w@./-]+)/,
  ],
  ['upstream-error', /\b(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND)\b|upstream connect error|connect\(\) failed \(111|no healthy upstream/],
];

export interface InternalLeak {
  kind: LeakKind;
  /** The matching text and a little around it, on one line and at most 160 characters. */
  excerpt: string;
}

const MAX_SCANNED_CHARS = 64 * 1024;
const EXCERPT_CHARS = 160;

/** The first sign of each kind of internal detail in an answer's body. */
export function findInternalLeaks(body: string): InternalLeak[] {
  const text = body.slice(0, MAX_SCANNED_CHARS);
  const leaks: InternalLeak[] = [];
  for (const [kind, pattern] of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const start = Math.max(0, match.index - 40);
    const excerpt = text
      .slice(start, start + EXCERPT_CHARS)
      .replace(/\\n/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    leaks.push({ kind, excerpt });
  }
  return leaks;
}
