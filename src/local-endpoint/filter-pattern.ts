/**
 * A small subset of CloudWatch filter-pattern syntax, enough for tests and the launcher:
 *   - empty or blank pattern: every event matches;
 *   - space-separated terms: an event matches when its message contains every term (AND, case-sensitive);
 *   - a double-quoted phrase is one term that may contain spaces ("connection reset").
 * JSON patterns (`{ $.x = 1 }`), space-delimited patterns (`[a, b]`), `?term` (OR) and `-term` (NOT) are not
 * supported and are refused as invalid rather than silently mismatched.
 * Syntax reference: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
 */
export type FilterPattern = { ok: true; terms: string[] } | { ok: false; reason: string };

export function parseFilterPattern(pattern: string | undefined): FilterPattern {
  const text = (pattern ?? '').trim();
  if (text === '') return { ok: true, terms: [] };
  if (text.startsWith('{') || text.startsWith('[')) {
    return { ok: false, reason: 'JSON and space-delimited filter patterns are not supported by the local endpoint' };
  }
  const terms: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const term = m[1] ?? m[2]!;
    if (m[2] !== undefined && (term.startsWith('?') || term.startsWith('-'))) {
      return { ok: false, reason: `the '${term[0]}' operator is not supported by the local endpoint` };
    }
    if (m[2] !== undefined && term.includes('"')) return { ok: false, reason: 'unbalanced quote in filter pattern' };
    if (term !== '') terms.push(term);
  }
  return { ok: true, terms };
}

export function matchesFilter(terms: readonly string[], message: string): boolean {
  return terms.every((t) => message.includes(t));
}
