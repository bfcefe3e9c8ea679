import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { LocalEndpoint } from '../../src/local-endpoint';
import { dockerAvailable } from '../support/docker';
import { concat, runThroughBoth, sizes, texts, type ParityRun } from '../support/parity-run';
import { RecordingProxy } from '../support/recording-proxy';

/**
 * Issue 4 item 8: the same container output through Docker's built-in awslogs (stream S1) and through our plugin
 * (stream S2), same log-opts, same local endpoint, compared as the exact message bytes each driver put on the wire
 * (a RecordingProxy sits in front of the LocalEndpoint). Ours runs with awslogs-max-event-size=262118 (awslogs' cap)
 * unless a case says otherwise. Docker here is 20.10: awslogs uses AWS SDK v1 and reads lines with a 262,118-byte
 * buffer (it is a SizedLogger), so it never sees 16 KiB chunks; our plugin always gets ≤ 16 KiB chunks.
 *
 * | Case                                         | awslogs (20.10)                                   | ours                                           | Outcome |
 * |----------------------------------------------|---------------------------------------------------|------------------------------------------------|---------|
 * | 300 KiB ASCII line (max 262118)              | 2 events: 262118 + 45082 bytes                    | 2 events: 262118 + 45082 bytes                 | identical |
 * | 300 KiB ASCII line, our default max (1 MiB)  | 2 events: 262118 + 45082 bytes                    | 1 event: 307200 bytes                          | (d) deliberate: 1 MiB default |
 * | 300 KiB line of '€' (3-byte UTF-8)           | 3 events: 262116 + 2 + 45082 bytes; the 2-byte    | 2 events: 262116 + 45084 bytes, both valid     | (a) deliberate: we reassemble, then cut between characters |
 * |                                              | event and the head of the 3rd are the halves of a | UTF-8; concatenation = the line                |         |
 * |                                              | '€' cut by dockerd's read buffer (invalid alone)  |                                                |         |
 * | invalid UTF-8 ff fe "abc" ed a0 80           | raw bytes unchanged on the wire (endpoint stores  | one U+FFFD per invalid byte: "��abc���"         | (e) on the wire; same stored text |
 * |                                              | "��abc���" after its own decoding)                 |                                                |         |
 * | truncated 3-byte sequence "x" e2 82          | raw bytes on the wire; the endpoint (WHATWG       | "x��" (one U+FFFD per byte, as Go does)        | (e) deliberate: valid UTF-8 on the wire |
 * |                                              | decoder) stores "x�"                              |                                                |         |
 * | Java stack trace, multiline-pattern ^\d{4}-  | 3 events, each line + '\n', blank line kept       | same bytes                                     | identical |
 * | same, datetime-format %Y-%m-%d %H:%M:%S      | 3 events                                          | same bytes                                     | identical |
 * | blank lines, no multiline                    | empty lines dropped, " " kept                     | same                                           | identical |
 * | CRLF lines a\r\n b\r\n                       | "a\r", "b\r"                                      | "a", "b"                                       | (b) deliberate: trailing '\r' stripped |
 * | '€' across the 16 KiB chunk boundary         | one 16387-byte event                              | same bytes (chunks joined before decoding)     | identical |
 * | multiline event that fits only without '\n'  | 262118 bytes, then a stray "\n" event             | "L1\n" (1001) + "L2\n" (261118)                | (c) deliberate: the '\n' counts toward the max |
 *
 * (a) lines over awslogs' buffer: awslogs receives dockerd's 262,118-byte reads and splits each on its own, so a
 *     multibyte character straddling a read is cut in two invalid halves; we join Docker's 16 KiB partials first
 *     and split the whole line at the max event size between characters.
 * (b) one trailing '\r' is the line ending of CRLF/TTY output, not content.
 * (c) src/assembly/multiline.ts: a line starts a new event when event + line + its '\n' would exceed the max;
 *     awslogs leaves the '\n' out of that check and then splits off a 1-byte "\n" event.
 * (d) ours defaults to CloudWatch's 1 MiB event limit (1,048,550 bytes); 262118 restores awslogs' splits.
 * (e) Docker 20.10's SDK v1 writes message bytes into the JSON body unchecked; what CloudWatch stores is then up to
 *     its decoder. We send valid UTF-8 with each invalid byte replaced by U+FFFD, as Go's encoding/json does and
 *     as awslogs' own size accounting assumes (each invalid byte counts as 3 bytes).
 */
const AWSLOGS_MAX = { 'awslogs-max-event-size': '262118' };
const EURO = Buffer.from('€');

describe('parity with Docker\'s built-in awslogs driver', () => {
  let ep: LocalEndpoint;
  let proxy: RecordingProxy;
  before(async () => {
    ep = await LocalEndpoint.start();
    proxy = await RecordingProxy.start(ep.url);
  });
  after(async () => {
    await proxy?.close();
    await ep?.close();
  });
  const both = (run: ParityRun) => runThroughBoth(ep, proxy, { ...run, oursOpts: { ...AWSLOGS_MAX, ...run.oursOpts } });
  const sameTimestamp = (ts: number[]) => assert.equal(new Set(ts).size, 1, `pieces of one line carry different timestamps: ${ts.join(',')}`);

  test('a 300 KiB ASCII line is split at 262,118 bytes by both, byte for byte', async (t) => {
    if (!dockerAvailable(t)) return;
    const { awslogs, ours } = await both({ script: "head -c 307200 /dev/zero | tr '\\0' a; echo", expect: { awslogs: 2, ours: 2 } });
    assert.deepEqual(sizes(awslogs.wire), [262_118, 45_082]);
    assert.deepEqual(sizes(ours.wire), [262_118, 45_082]);
    assert.deepEqual(ours.wire.map((e) => e.message), awslogs.wire.map((e) => e.message));
    assert.ok(concat(ours.wire).equals(Buffer.alloc(307_200, 'a')));
    sameTimestamp(awslogs.wire.map((e) => e.timestamp));
    sameTimestamp(ours.wire.map((e) => e.timestamp));
  });

  test('with our default max event size a 300 KiB line stays one event where awslogs splits it', async (t) => {
    if (!dockerAvailable(t)) return;
    const { awslogs, ours } = await runThroughBoth(ep, proxy, { script: "head -c 307200 /dev/zero | tr '\\0' a; echo", expect: { awslogs: 2, ours: 1 } });
    assert.deepEqual(sizes(awslogs.wire), [262_118, 45_082]);
    assert.deepEqual(sizes(ours.wire), [307_200]);
    assert.ok(concat(ours.wire).equals(concat(awslogs.wire)));
  });

  test('a 300 KiB line of 3-byte characters: awslogs cuts a character in two, we cut between characters', async (t) => {
    if (!dockerAvailable(t)) return;
    const line = Buffer.concat(Array.from({ length: 102_400 }, () => EURO));
    const { awslogs, ours } = await both({ script: "yes € | head -n 102400 | tr -d '\\n'; echo", expect: { awslogs: 3, ours: 2 } });
    // dockerd hands awslogs 262,118-byte reads: 87,372 whole '€' + the first 2 bytes of the next one.
    assert.deepEqual(sizes(awslogs.wire), [262_116, 2, 45_082]);
    assert.ok(awslogs.wire[1]!.message.equals(EURO.subarray(0, 2)));
    assert.equal(awslogs.wire[2]!.message[0], EURO[2]);
    assert.deepEqual(awslogs.wire.map((e) => isUtf8(e.message)), [true, false, false]);
    assert.ok(concat(awslogs.wire).equals(line), 'awslogs loses no byte, it only cuts inside a character');
    assert.deepEqual(awslogs.stored.slice(1).map((m) => m.slice(0, 2)), ['\uFFFD', '\uFFFD€']);
    // We join the 16 KiB partials and cut the whole line at the last character boundary within 262,118 bytes.
    assert.deepEqual(sizes(ours.wire), [262_116, 45_084]);
    assert.ok(ours.wire.every((e) => isUtf8(e.message)));
    assert.ok(concat(ours.wire).equals(line));
    assert.ok(ours.wire[0]!.message.equals(awslogs.wire[0]!.message), 'the first 262,116 bytes are the same event');
    sameTimestamp(ours.wire.map((e) => e.timestamp));
  });

  test('invalid UTF-8: awslogs forwards the raw bytes, we send one U+FFFD per invalid byte', async (t) => {
    if (!dockerAvailable(t)) return;
    const { awslogs, ours } = await both({ script: "printf '\\377\\376abc\\355\\240\\200\\n'; printf 'x\\342\\202\\n'", expect: { awslogs: 2, ours: 2 } });
    assert.deepEqual(awslogs.wire.map((e) => e.message.toString('hex')), ['fffe616263eda080', '78e282']);
    assert.deepEqual(texts(ours.wire), ['\uFFFD\uFFFDabc\uFFFD\uFFFD\uFFFD', 'x\uFFFD\uFFFD']);
    assert.ok(ours.wire.every((e) => isUtf8(e.message)));
    // What a receiver makes of awslogs' raw bytes depends on its decoder; the local endpoint's (WHATWG) agrees
    // with Go's per-byte rule on the first line and folds the truncated sequence into one U+FFFD on the second.
    assert.deepEqual(awslogs.stored, ['\uFFFD\uFFFDabc\uFFFD\uFFFD\uFFFD', 'x\uFFFD']);
    assert.deepEqual(ours.stored, ['\uFFFD\uFFFDabc\uFFFD\uFFFD\uFFFD', 'x\uFFFD\uFFFD']);
  });

  const trace = String.raw`printf 'starting up\n2024-01-01 10:00:00 ERROR boom\njava.lang.RuntimeException: bad\n\tat com.example.A.b(A.java:10)\n\n\tat com.example.C.d(C.java:20)\n2024-01-01 10:00:01 INFO ok\n\nplain tail\n'`;
  const traceEvents = [
    'starting up\n',
    '2024-01-01 10:00:00 ERROR boom\njava.lang.RuntimeException: bad\n\tat com.example.A.b(A.java:10)\n\n\tat com.example.C.d(C.java:20)\n',
    '2024-01-01 10:00:01 INFO ok\n\nplain tail\n',
  ];

  for (const [name, opts] of [
    ['awslogs-multiline-pattern ^\\d{4}-', { 'awslogs-multiline-pattern': '^\\d{4}-' }],
    ['awslogs-datetime-format %Y-%m-%d %H:%M:%S', { 'awslogs-datetime-format': '%Y-%m-%d %H:%M:%S' }],
  ] as const) {
    test(`a Java stack trace is grouped identically with ${name}, blank lines kept inside events`, async (t) => {
      if (!dockerAvailable(t)) return;
      const { awslogs, ours } = await both({ script: trace, opts, expect: { awslogs: 3, ours: 3 } });
      assert.deepEqual(texts(awslogs.wire), traceEvents);
      assert.deepEqual(texts(ours.wire), traceEvents);
      // Each event carries its first line's timestamp; both drivers send them in order.
      for (const out of [awslogs, ours]) assert.deepEqual(out.wire.map((e) => e.timestamp), [...out.wire.map((e) => e.timestamp)].sort((a, b) => a - b));
    });
  }

  test('blank lines are dropped by both without multiline; a line of one space is kept', async (t) => {
    if (!dockerAvailable(t)) return;
    const { awslogs, ours } = await both({ script: "printf 'p\\n\\n \\n\\n\\nq\\n'", expect: { awslogs: 3, ours: 3 } });
    assert.deepEqual(texts(awslogs.wire), ['p', ' ', 'q']);
    assert.deepEqual(texts(ours.wire), ['p', ' ', 'q']);
  });

  test('CRLF lines: awslogs keeps the trailing \\r, we strip it', async (t) => {
    if (!dockerAvailable(t)) return;
    const { awslogs, ours } = await both({ script: "printf 'a\\r\\nb\\r\\nmid\\rdle\\r\\n'", expect: { awslogs: 3, ours: 3 } });
    assert.deepEqual(texts(awslogs.wire), ['a\r', 'b\r', 'mid\rdle\r']);
    assert.deepEqual(texts(ours.wire), ['a', 'b', 'mid\rdle']);
  });

  test('a multibyte character across the 16 KiB chunk boundary arrives whole in both', async (t) => {
    if (!dockerAvailable(t)) return;
    const line = Buffer.concat([Buffer.alloc(16_383, 'a'), EURO, Buffer.from('b')]);
    const { awslogs, ours } = await both({ script: "head -c 16383 /dev/zero | tr '\\0' a; printf '€b\\nnext\\n'", expect: { awslogs: 2, ours: 2 } });
    assert.deepEqual(awslogs.wire.map((e) => e.message), [line, Buffer.from('next')]);
    assert.deepEqual(ours.wire.map((e) => e.message), [line, Buffer.from('next')]);
  });

  test('a multiline event that fits only without its last newline: awslogs splits off a stray "\\n", we start a new event', async (t) => {
    if (!dockerAvailable(t)) return;
    // L1 (1000 bytes) + '\n' + L2 (261,117 bytes) = 262,118 = the max, before L2's own '\n'.
    const l1 = `2024-${'a'.repeat(995)}`;
    const l2 = 'b'.repeat(261_117);
    const script = "printf 2024-; head -c 995 /dev/zero | tr '\\0' a; echo; head -c 261117 /dev/zero | tr '\\0' b; echo; echo 2024-end";
    const { awslogs, ours } = await both({ script, opts: { 'awslogs-multiline-pattern': '^\\d{4}-' }, expect: { awslogs: 3, ours: 3 } });
    assert.deepEqual(texts(awslogs.wire), [`${l1}\n${l2}`, '\n', '2024-end\n']);
    assert.deepEqual(texts(ours.wire), [`${l1}\n`, `${l2}\n`, '2024-end\n']);
    assert.ok(Math.max(...sizes(ours.wire)) <= 262_118);
  });
});
