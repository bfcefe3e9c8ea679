/**
 * Invalid log-opt configurations and what the error must say. Used by the unit test
 * (test/unit/options/invalid-options.test.ts) and, for a sample, by the end-to-end test through `docker run`.
 * `option` is the InvalidOptionError.option; every string in `mustMention` must appear in the message
 * (the option, the value given, and the expectation).
 */
export interface InvalidOptionCase {
  name: string;
  opts: Record<string, string>;
  option: string;
  mustMention: string[];
}

const G = { 'awslogs-group': 'app' };
const CG = { ...G, 'awslogs-create-group': 'true' };
const manyTags = Array.from({ length: 51 }, (_, i) => `k${i}=v`).join(',');

export const INVALID_OPTION_CASES: InvalidOptionCase[] = [
  { name: 'awslogs-group missing', opts: {}, option: 'awslogs-group', mustMention: ["must specify a value for log opt 'awslogs-group'"] },
  { name: 'awslogs-group empty', opts: { 'awslogs-group': '' }, option: 'awslogs-group', mustMention: ["must specify a value for log opt 'awslogs-group'"] },
  { name: 'awslogs-group with a space', opts: { 'awslogs-group': 'my group' }, option: 'awslogs-group', mustMention: ['awslogs-group', 'my group', 'A-Z a-z 0-9'] },
  { name: 'awslogs-group with a colon', opts: { 'awslogs-group': 'my:group' }, option: 'awslogs-group', mustMention: ['awslogs-group', 'my:group', '":"'] },
  { name: 'awslogs-group with the reserved aws/ prefix', opts: { 'awslogs-group': 'aws/lambda/x' }, option: 'awslogs-group', mustMention: ['awslogs-group', 'aws/lambda/x', "'aws/'"] },
  { name: 'awslogs-group longer than 512', opts: { 'awslogs-group': 'a'.repeat(513) }, option: 'awslogs-group', mustMention: ['awslogs-group', 'a'.repeat(513), '1-512'] },
  { name: 'unknown option', opts: { ...G, foo: 'bar' }, option: 'foo', mustMention: ["unknown log opt 'foo'", 'known:', 'awslogs-group'] },
  { name: 'misspelt awslogs option', opts: { ...G, 'awslogs-regoin': 'eu-west-1' }, option: 'awslogs-regoin', mustMention: ["unknown log opt 'awslogs-regoin'", 'awslogs-region'] },
  { name: 'awslogs-region not a region code', opts: { ...G, 'awslogs-region': 'US_EAST' }, option: 'awslogs-region', mustMention: ['awslogs-region', 'US_EAST', 'AWS region code'] },
  { name: 'awslogs-endpoint with another scheme', opts: { ...G, 'awslogs-endpoint': 'ftp://logs.example' }, option: 'awslogs-endpoint', mustMention: ['awslogs-endpoint', 'ftp://logs.example', 'http:// or https://'] },
  { name: 'awslogs-endpoint not a URL', opts: { ...G, 'awslogs-endpoint': 'localhost:4566' }, option: 'awslogs-endpoint', mustMention: ['awslogs-endpoint', 'localhost:4566', 'http:// or https://'] },
  { name: 'awslogs-endpoint with a password', opts: { ...G, 'awslogs-endpoint': 'https://user:secret@logs.example' }, option: 'awslogs-endpoint', mustMention: ['awslogs-endpoint', 'https://user:***@logs.example', 'without user name or password'] },
  { name: 'awslogs-create-group not a boolean', opts: { ...G, 'awslogs-create-group': 'yes' }, option: 'awslogs-create-group', mustMention: ['awslogs-create-group', "'yes'", 'true or false'] },
  { name: 'awslogs-create-stream not a boolean', opts: { ...G, 'awslogs-create-stream': 'TRue' }, option: 'awslogs-create-stream', mustMention: ['awslogs-create-stream', "'TRue'", 'true or false'] },
  { name: 'flush interval not a number', opts: { ...G, 'awslogs-force-flush-interval-seconds': 'abc' }, option: 'awslogs-force-flush-interval-seconds', mustMention: ['awslogs-force-flush-interval-seconds', "'abc'", 'positive integer number of seconds'] },
  { name: 'flush interval zero', opts: { ...G, 'awslogs-force-flush-interval-seconds': '0' }, option: 'awslogs-force-flush-interval-seconds', mustMention: ['awslogs-force-flush-interval-seconds', "'0'", 'positive integer'] },
  { name: 'flush interval negative', opts: { ...G, 'awslogs-force-flush-interval-seconds': '-5' }, option: 'awslogs-force-flush-interval-seconds', mustMention: ['awslogs-force-flush-interval-seconds', "'-5'", 'positive integer'] },
  { name: 'flush interval fractional', opts: { ...G, 'awslogs-force-flush-interval-seconds': '1.5' }, option: 'awslogs-force-flush-interval-seconds', mustMention: ['awslogs-force-flush-interval-seconds', "'1.5'", 'positive integer'] },
  { name: 'flush interval beyond the timer limit', opts: { ...G, 'awslogs-force-flush-interval-seconds': '9999999999' }, option: 'awslogs-force-flush-interval-seconds', mustMention: ['awslogs-force-flush-interval-seconds', '9999999999', '1 to 2147483'] },
  { name: 'max buffered events zero', opts: { ...G, 'awslogs-max-buffered-events': '0' }, option: 'awslogs-max-buffered-events', mustMention: ['awslogs-max-buffered-events', "'0'", 'positive integer number of events'] },
  { name: 'max buffered events not a number', opts: { ...G, 'awslogs-max-buffered-events': 'lots' }, option: 'awslogs-max-buffered-events', mustMention: ['awslogs-max-buffered-events', "'lots'", 'positive integer'] },
  { name: 'datetime format and multiline pattern together', opts: { ...G, 'awslogs-datetime-format': '%Y', 'awslogs-multiline-pattern': '^x' }, option: 'awslogs-datetime-format', mustMention: ["you cannot configure log opt 'awslogs-datetime-format' and 'awslogs-multiline-pattern' at the same time"] },
  { name: 'datetime format and multiline pattern both present but empty', opts: { ...G, 'awslogs-datetime-format': '', 'awslogs-multiline-pattern': '' }, option: 'awslogs-datetime-format', mustMention: ['awslogs-datetime-format', 'awslogs-multiline-pattern', 'at the same time'] },
  { name: 'multiline pattern with nested repetition', opts: { ...G, 'awslogs-multiline-pattern': '^(a+)+$' }, option: 'awslogs-multiline-pattern', mustMention: ['awslogs-multiline-pattern', '^(a+)+$', 'exponential', 'Go RE2'] },
  { name: 'multiline pattern with a repeated alternation', opts: { ...G, 'awslogs-multiline-pattern': '(a|aa)*b' }, option: 'awslogs-multiline-pattern', mustMention: ['awslogs-multiline-pattern', '(a|aa)*b', 'exponential'] },
  { name: 'multiline pattern with a scoped flag', opts: { ...G, 'awslogs-multiline-pattern': '(?i:error)' }, option: 'awslogs-multiline-pattern', mustMention: ['awslogs-multiline-pattern', '(?i:error)', 'scoped flag', 'Go RE2'] },
  { name: 'multiline pattern with an unclosed class', opts: { ...G, 'awslogs-multiline-pattern': '^[0-9' }, option: 'awslogs-multiline-pattern', mustMention: ['awslogs-multiline-pattern', '^[0-9', 'missing closing ]'] },
  { name: 'multiline pattern with a repeat count over 1000', opts: { ...G, 'awslogs-multiline-pattern': 'x{1001}' }, option: 'awslogs-multiline-pattern', mustMention: ['awslogs-multiline-pattern', 'x{1001}', 'at most 1000'] },
  { name: 'multiline pattern with look-ahead', opts: { ...G, 'awslogs-multiline-pattern': '^(?=INFO)' }, option: 'awslogs-multiline-pattern', mustMention: ['awslogs-multiline-pattern', '^(?=INFO)', 'look-around'] },
  { name: 'multiline pattern with a backreference', opts: { ...G, 'awslogs-multiline-pattern': '(a)\\1' }, option: 'awslogs-multiline-pattern', mustMention: ['awslogs-multiline-pattern', '(a)\\1', 'backreference'] },
  { name: 'multiline pattern with the ungreedy flag', opts: { ...G, 'awslogs-multiline-pattern': '(?U)a+' }, option: 'awslogs-multiline-pattern', mustMention: ['awslogs-multiline-pattern', '(?U)a+', 'ungreedy'] },
  { name: 'datetime format whose regex does not compile', opts: { ...G, 'awslogs-datetime-format': '[%Y' }, option: 'awslogs-datetime-format', mustMention: ['awslogs-datetime-format', "'[%Y'", 'missing closing ]'] },
  { name: 'awslogs-format other than json/emf', opts: { ...G, 'awslogs-format': 'json' }, option: 'awslogs-format', mustMention: ['awslogs-format', "'json'", "'json/emf'"] },
  { name: 'awslogs-format json/emf with a multiline pattern', opts: { ...G, 'awslogs-format': 'json/emf', 'awslogs-multiline-pattern': '^x' }, option: 'awslogs-format', mustMention: ["you cannot configure log opt 'awslogs-datetime-format' or 'awslogs-multiline-pattern' when log opt 'awslogs-format' is set to 'json/emf'"] },
  { name: 'tag with an unknown field', opts: { ...G, tag: '{{.Foo}}' }, option: 'tag', mustMention: ["'tag'", '{{.Foo}}', 'Foo', 'Go template'] },
  { name: 'tag with an unclosed action', opts: { ...G, tag: '{{.Name' }, option: 'tag', mustMention: ["'tag'", '{{.Name', 'unclosed action'] },
  { name: 'tag with an undefined function', opts: { ...G, tag: '{{nosuch .Name}}' }, option: 'tag', mustMention: ["'tag'", '{{nosuch .Name}}', 'function "nosuch" not defined'] },
  { name: 'tag with an unmatched end', opts: { ...G, tag: '{{.Name}}{{end}}' }, option: 'tag', mustMention: ["'tag'", '{{.Name}}{{end}}', 'unexpected {{end}}'] },
  { name: 'tag rendering an empty stream name', opts: { ...G, tag: '{{""}}' }, option: 'tag', mustMention: ["'tag'", '{{""}}', 'empty log stream name'] },
  { name: 'credentials endpoint that is a full URL', opts: { ...G, 'awslogs-credentials-endpoint': 'http://evil.example/creds' }, option: 'awslogs-credentials-endpoint', mustMention: ['awslogs-credentials-endpoint', 'http://evil.example/creds', 'relative URI starting with "/"'] },
  { name: 'credentials profile with spaces', opts: { ...G, 'awslogs-credentials-profile': 'my profile' }, option: 'awslogs-credentials-profile', mustMention: ['awslogs-credentials-profile', 'my profile', 'name of a profile'] },
  { name: 'credentials endpoint and profile together', opts: { ...G, 'awslogs-credentials-endpoint': '/v2/creds', 'awslogs-credentials-profile': 'logs' }, option: 'awslogs-credentials-profile', mustMention: ['awslogs-credentials-profile', "'logs'", 'awslogs-credentials-endpoint', 'not both'] },
  { name: 'mode neither blocking nor non-blocking', opts: { ...G, mode: 'fast' }, option: 'mode', mustMention: ["'mode'", "'fast'", "'blocking', 'non-blocking'"] },
  { name: 'labels-regex that does not compile', opts: { ...G, 'labels-regex': '(com' }, option: 'labels-regex', mustMention: ['labels-regex', "'(com'", 'Go RE2'] },
  { name: 'env-regex that does not compile', opts: { ...G, 'env-regex': '*APP' }, option: 'env-regex', mustMention: ['env-regex', "'*APP'", 'missing argument to repetition operator'] },
  { name: 'retention days not a CloudWatch period', opts: { ...CG, 'awslogs-retention-days': '2' }, option: 'awslogs-retention-days', mustMention: ['awslogs-retention-days', "'2'", '3653'] },
  { name: 'retention days without create-group', opts: { ...G, 'awslogs-retention-days': '30' }, option: 'awslogs-retention-days', mustMention: ['awslogs-retention-days', "'30'", "'awslogs-create-group'='true'"] },
  { name: 'group class unknown', opts: { ...CG, 'awslogs-group-class': 'COLD' }, option: 'awslogs-group-class', mustMention: ['awslogs-group-class', "'COLD'", "'STANDARD', 'INFREQUENT_ACCESS'"] },
  { name: 'kms key id that is an alias', opts: { ...CG, 'awslogs-kms-key-id': 'alias/logs' }, option: 'awslogs-kms-key-id', mustMention: ['awslogs-kms-key-id', 'alias/logs', 'KMS key ARN'] },
  { name: 'group tags without =', opts: { ...CG, 'awslogs-group-tags': 'team' }, option: 'awslogs-group-tags', mustMention: ['awslogs-group-tags', "'team'", 'key=value'] },
  { name: 'group tags with a reserved key', opts: { ...CG, 'awslogs-group-tags': 'aws:owner=me' }, option: 'awslogs-group-tags', mustMention: ['awslogs-group-tags', 'aws:owner=me', 'reserved prefix'] },
  { name: 'group tags with a forbidden character', opts: { ...CG, 'awslogs-group-tags': 'team=web!' }, option: 'awslogs-group-tags', mustMention: ['awslogs-group-tags', 'team=web!', 'the value "web!"'] },
  { name: 'group tags with a duplicate key', opts: { ...CG, 'awslogs-group-tags': 'a=1,a=2' }, option: 'awslogs-group-tags', mustMention: ['awslogs-group-tags', 'a=1,a=2', 'appears twice'] },
  { name: 'group tags with more than 50 tags', opts: { ...CG, 'awslogs-group-tags': manyTags }, option: 'awslogs-group-tags', mustMention: ['awslogs-group-tags', manyTags, '1-50 tags', 'got 51'] },
  { name: 'max event size zero', opts: { ...G, 'awslogs-max-event-size': '0' }, option: 'awslogs-max-event-size', mustMention: ['awslogs-max-event-size', "'0'", 'from 1 to 1048550'] },
  { name: 'max event size above the CloudWatch limit', opts: { ...G, 'awslogs-max-event-size': '1048551' }, option: 'awslogs-max-event-size', mustMention: ['awslogs-max-event-size', "'1048551'", 'from 1 to 1048550'] },
  { name: 'max event size with a unit', opts: { ...G, 'awslogs-max-event-size': '256k' }, option: 'awslogs-max-event-size', mustMention: ['awslogs-max-event-size', "'256k'", 'number of bytes'] },
];
