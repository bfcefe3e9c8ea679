/**
 * awslogs-datetime-format → a Go regular expression, exactly as awslogs does it (moby awslogs
 * `parseMultilineOptions` + `strftimeToRegex`; awslogs-options.md §4). Quirks kept on purpose, for compatibility:
 *  - every "%" plus ONE character (Go `%.`: any character but '\n') is replaced by the table entry, and any
 *    sequence not in the table (%F, %T, %e, %%, %k, …) becomes the empty string, silently;
 *  - every other character passes through AS REGEX: users escape `[`, `.`, `(` themselves
 *    (the docs' example is `\[%b %d, %Y %H:%M:%S\]`);
 *  - commas inside the table's classes are literal, so `[1,2]`, `[0,1]` and `%p` = `[A,P]M` also match ',';
 *  - no anchoring; %j misses 010…090; %I accepts 00; %Z needs a trailing 'T'.
 * The result is Go RE2 syntax: go-regexp.ts compiles it (once per container, in parse-options.ts).
 */

/** The exact strings of moby's strftimeToRegex. */
export const STRFTIME_TO_REGEX: Readonly<Record<string, string>> = {
  '%a': '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)',
  '%A': '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)',
  '%w': '[0-6]',
  '%d': '(?:0[1-9]|[1,2][0-9]|3[0,1])',
  '%b': '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)',
  '%B': '(?:January|February|March|April|May|June|July|August|September|October|November|December)',
  '%m': '(?:0[1-9]|1[0-2])',
  '%Y': '\\d{4}',
  '%y': '\\d{2}',
  '%H': '(?:[0,1][0-9]|2[0-3])',
  '%I': '(?:0[0-9]|1[0-2])',
  '%p': '[A,P]M',
  '%M': '[0-5][0-9]',
  '%S': '[0-5][0-9]',
  '%f': '\\d{6}',
  '%z': '[+-]\\d{4}',
  '%Z': '[A-Z]{1,4}T',
  '%j': '(?:0[0-9][1-9]|[1,2][0-9][0-9]|3[0-5][0-9]|36[0-6])',
  '%L': '\\.\\d{3}',
};

/**
 * Converts a strftime format to Go regex source. An empty result means "no multiline pattern", as in awslogs
 * (a format of only unknown sequences, e.g. "%F", disables multiline instead of failing).
 */
export function strftimeToGoRegex(format: string): string {
  // Go's `%.` consumes one code point (not one UTF-16 unit), and '.' does not match '\n'.
  return format.replace(/%[^\n]/gu, (seq) => STRFTIME_TO_REGEX[seq] ?? '');
}
