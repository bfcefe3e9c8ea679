import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PartialAssembler } from '../../../src/assembly/partial-assembler';
import type { AssembledLine, DockerLogEntry } from '../../../src/pipeline-types';

const CHUNK = 16 * 1024; // dockerd's copier buffer for plugins (docker-logging-protocol.md §5)
const T0 = 1_700_000_000_123_456_789n;
const T0_MS = 1_700_000_000_123;
const utf8 = (bytes: Buffer): string => bytes.toString('utf8');
const latin1 = (bytes: Buffer): string => bytes.toString('latin1');

function whole(line: string | Buffer, source = 'stdout', timeNano = T0): DockerLogEntry {
  return { source, timeNano, line: Buffer.from(line), partial: false };
}

function part(line: string | Buffer, meta?: { id: string; ordinal: number; last?: boolean }, source = 'stdout', timeNano = T0): DockerLogEntry {
  const base = { source, timeNano, line: Buffer.from(line), partial: true };
  return meta ? { ...base, partialMeta: { id: meta.id, ordinal: meta.ordinal, last: meta.last ?? false } } : base;
}

/** What dockerd (≥ 18.09) writes for one line: full chunks, then the rest (possibly empty) marked last. */
function dockerChunks(bytes: Buffer, id: string, source = 'stdout', size = CHUNK, timeNano = T0): DockerLogEntry[] {
  const entries: DockerLogEntry[] = [];
  let offset = 0;
  for (let ordinal = 1; ; ordinal++) {
    const piece = bytes.subarray(offset, offset + size);
    offset += piece.length;
    const last = piece.length < size;
    entries.push(part(piece, { id, ordinal, last }, source, timeNano));
    if (last) return entries;
  }
}

function feed(assembler: PartialAssembler, entries: DockerLogEntry[]): AssembledLine[] {
  return entries.flatMap((entry) => assembler.push(entry));
}

function texts(lines: AssembledLine[]): string[] {
  return lines.map((l) => l.text);
}

describe('PartialAssembler: dockerd chunking (docker-logging-protocol.md §6)', () => {
  test('joins a 40 000-character line sent as 16384 + 16384 + 7232 partial chunks', () => {
    const line = 'a'.repeat(40_000);
    const entries = dockerChunks(Buffer.from(line), 'id1');
    assert.deepEqual(entries.map((e) => [e.line.length, e.partial, e.partialMeta?.ordinal, e.partialMeta?.last]), [
      [16384, true, 1, false],
      [16384, true, 2, false],
      [7232, true, 3, true],
    ]);
    const assembler = new PartialAssembler({ maxLineBytes: 1_048_550, decode: utf8 });
    assert.deepEqual(feed(assembler, entries), [{ source: 'stdout', timestampMs: T0_MS, text: line }]);
    assert.equal(assembler.pendingLines, 0);
  });

  test('joins a line of exactly 16 384 characters and the empty last chunk that follows it', () => {
    const line = 'b'.repeat(CHUNK);
    const entries = dockerChunks(Buffer.from(line), 'id2');
    assert.deepEqual(entries.map((e) => e.line.length), [CHUNK, 0]);
    const out = feed(new PartialAssembler({ maxLineBytes: 1_048_550, decode: utf8 }), entries);
    assert.deepEqual(texts(out), [line]);
  });

  test('passes an empty line (non-partial, line absent) through as an empty text', () => {
    const out = new PartialAssembler({ maxLineBytes: 100, decode: utf8 }).push(whole(''));
    assert.deepEqual(out, [{ source: 'stdout', timestampMs: T0_MS, text: '' }]);
  });

  test('emits trailing text that had no newline when the container exited, at EOF', () => {
    const assembler = new PartialAssembler({ maxLineBytes: 100, decode: utf8 });
    assert.deepEqual(assembler.push(part('no newline', { id: 'x', ordinal: 1 })), []);
    assert.deepEqual(assembler.flushAll(), [{ source: 'stdout', timestampMs: T0_MS, text: 'no newline' }]);
    assert.deepEqual(assembler.flushAll(), []);
  });

  test('joins chunks from a pre-18.09 daemon without metadata until the non-partial last piece', () => {
    const assembler = new PartialAssembler({ maxLineBytes: 100, decode: utf8 });
    const out = feed(assembler, [part('one-'), part('two-'), whole('three'), whole('next')]);
    assert.deepEqual(texts(out), ['one-two-three', 'next']);
  });

  test('assembles interleaved stdout and stderr chunks independently', () => {
    const assembler = new PartialAssembler({ maxLineBytes: 100, decode: utf8 });
    const out = feed(assembler, [
      part('out-1 ', { id: 'o', ordinal: 1 }, 'stdout'),
      part('err-1 ', { id: 'e', ordinal: 1 }, 'stderr', T0 + 5_000_000n),
      part('err-2', { id: 'e', ordinal: 2, last: true }, 'stderr', T0 + 5_000_000n),
      whole('err whole', 'stderr', T0 + 6_000_000n),
      part('out-2', { id: 'o', ordinal: 2, last: true }, 'stdout'),
    ]);
    assert.deepEqual(out, [
      { source: 'stderr', timestampMs: T0_MS + 5, text: 'err-1 err-2' },
      { source: 'stderr', timestampMs: T0_MS + 6, text: 'err whole' },
      { source: 'stdout', timestampMs: T0_MS, text: 'out-1 out-2' },
    ]);
  });

  test('emits the pending line as it is when a partial chunk with a new id arrives on the same stream', () => {
    const assembler = new PartialAssembler({ maxLineBytes: 100, decode: utf8 });
    const out = feed(assembler, [part('orphan', { id: 'a', ordinal: 1 }), part('fresh', { id: 'b', ordinal: 1, last: true })]);
    assert.deepEqual(texts(out), ['orphan', 'fresh']);
  });

  test('decodes a 4-byte emoji whose bytes straddle the 16 KiB chunk boundary', () => {
    const line = Buffer.concat([Buffer.alloc(CHUNK - 2, 0x61), Buffer.from('😀 after')]);
    const entries = dockerChunks(line, 'emoji');
    assert.equal(entries[0].line.subarray(-2).toString('hex'), 'f09f'); // the cut is inside the emoji
    const out = feed(new PartialAssembler({ maxLineBytes: 1_048_550, decode: utf8 }), entries);
    assert.deepEqual(texts(out), [line.toString('utf8')]);
    assert.ok(!out[0].text.includes('\uFFFD'));
  });

  test('assembles any other source as stdout instead of losing the line', () => {
    const out = new PartialAssembler({ maxLineBytes: 100, decode: utf8 }).push(whole('odd', ''));
    assert.deepEqual(out, [{ source: 'stdout', timestampMs: T0_MS, text: 'odd' }]);
  });

  test('stamps the line with its first chunk time in ms, truncating the nanoseconds', () => {
    const assembler = new PartialAssembler({ maxLineBytes: 100, decode: utf8 });
    assembler.push(part('a', { id: 't', ordinal: 1 }, 'stdout', 1_999_999n));
    const out = assembler.push(part('b', { id: 't', ordinal: 2, last: true }, 'stdout', 9_000_000n));
    assert.deepEqual(out, [{ source: 'stdout', timestampMs: 1, text: 'ab' }]);
  });
});

describe('PartialAssembler: size cap', () => {
  test('cuts a line at the cap, never inside a multibyte character, and continues with the same timestamp', () => {
    const assembler = new PartialAssembler({ maxLineBytes: 10, decode: utf8 });
    const out = assembler.push(whole('aaaaaaaa😀bb')); // 8 + 4 + 2 bytes: the emoji does not fit in the first 10
    assert.deepEqual(texts(out), ['aaaaaaaa', '😀bb']);
    assert.ok(out.every((l) => l.timestampMs === T0_MS && l.source === 'stdout'));
  });

  test('keeps a line of exactly the cap whole', () => {
    const out = new PartialAssembler({ maxLineBytes: 10, decode: utf8 }).push(whole('0123456789'));
    assert.deepEqual(texts(out), ['0123456789']);
  });

  test('counts each invalid byte as the 3-byte U+FFFD it becomes, like awslogs', () => {
    const out = new PartialAssembler({ maxLineBytes: 7, decode: utf8 }).push(whole(Buffer.from([0xff, 0xfe, 0x61, 0xff])));
    assert.deepEqual(texts(out), ['\uFFFD\uFFFDa', '\uFFFD']);
    assert.ok(out.every((l) => Buffer.byteLength(l.text) <= 7));
  });

  test('emits the pieces of a 3 MiB line while its chunks arrive, so memory stays bounded', () => {
    const cap = 1_048_550;
    const line = Buffer.alloc(3 * 1024 * 1024, 0x7a);
    const assembler = new PartialAssembler({ maxLineBytes: cap, decode: latin1 });
    const entries = dockerChunks(line, 'big');
    const emittedBeforeLast = feed(assembler, entries.slice(0, -1));
    assert.equal(emittedBeforeLast.length, 3); // cut as soon as each cap is exceeded, not at the end
    const out = [...emittedBeforeLast, ...assembler.push(entries[entries.length - 1])];
    assert.deepEqual(out.map((l) => l.text.length), [cap, cap, cap, line.length - 3 * cap]);
    assert.equal(out.map((l) => l.text).join(''), line.toString('latin1'));
  });

  test('does not let a trailing carriage return force a cut that would leave an empty piece', () => {
    const assembler = new PartialAssembler({ maxLineBytes: 4, decode: utf8 });
    const out = feed(assembler, [part('abcd\r', { id: 'c', ordinal: 1 }), part('', { id: 'c', ordinal: 2, last: true })]);
    assert.deepEqual(texts(out), ['abcd']);
  });

  test('rejects a cap too small to hold one character', () => {
    assert.throws(() => new PartialAssembler({ maxLineBytes: 3, decode: utf8 }), RangeError);
  });
});

describe('PartialAssembler: TTY and CRLF', () => {
  test('strips exactly one trailing carriage return from each line', () => {
    const assembler = new PartialAssembler({ maxLineBytes: 100, decode: utf8 });
    const out = feed(assembler, [whole('tty line\r'), whole('\r'), whole('two\r\r'), whole('mid\rdle')]);
    assert.deepEqual(texts(out), ['tty line', '', 'two\r', 'mid\rdle']);
  });

  test('keeps a carriage return that ended a chunk but not the line', () => {
    const assembler = new PartialAssembler({ maxLineBytes: 100, decode: utf8 });
    const out = feed(assembler, [part('ab\r', { id: 'r', ordinal: 1 }), part('cd\r', { id: 'r', ordinal: 2, last: true })]);
    assert.deepEqual(texts(out), ['ab\rcd']);
  });
});

describe('PartialAssembler: hold timeout', () => {
  test('emits a fragment once its last chunk is older than the hold time, not before', () => {
    const assembler = new PartialAssembler({ maxLineBytes: 100, decode: utf8 });
    assembler.push(part('stuck', { id: 'h', ordinal: 1 }), 10_000);
    assert.deepEqual(assembler.flushExpired(11_999, 2_000), []);
    assert.deepEqual(assembler.flushExpired(12_000, 2_000), [{ source: 'stdout', timestampMs: T0_MS, text: 'stuck' }]);
    assert.deepEqual(assembler.flushExpired(20_000, 2_000), []);
    assert.deepEqual(assembler.flushAll(), []);
  });

  test('measures the hold from the latest chunk', () => {
    const assembler = new PartialAssembler({ maxLineBytes: 100, decode: utf8 });
    assembler.push(part('a', { id: 'h', ordinal: 1 }), 10_000);
    assembler.push(part('b', { id: 'h', ordinal: 2 }), 11_500);
    assert.deepEqual(assembler.flushExpired(12_000, 2_000), []);
    assert.deepEqual(texts(assembler.flushExpired(13_500, 2_000)), ['ab']);
  });

  test('continues a line whose chunks resume after a hold flush, with the same timestamp and no empty tail', () => {
    const assembler = new PartialAssembler({ maxLineBytes: 100, decode: utf8 });
    assembler.push(part('head ', { id: 'h', ordinal: 1 }), 0);
    const flushed = assembler.flushExpired(5_000, 2_000);
    const resumed = assembler.push(part('tail', { id: 'h', ordinal: 2, last: true }, 'stdout', T0), 6_000);
    assert.deepEqual([...flushed, ...resumed], [
      { source: 'stdout', timestampMs: T0_MS, text: 'head ' },
      { source: 'stdout', timestampMs: T0_MS, text: 'tail' },
    ]);

    assembler.push(part('x'.repeat(10), { id: 'k', ordinal: 1 }), 10_000);
    assert.deepEqual(texts(assembler.flushExpired(20_000, 2_000)), ['x'.repeat(10)]);
    assert.deepEqual(assembler.push(part('', { id: 'k', ordinal: 2, last: true }), 21_000), []);
  });

  test('leaves complete lines alone: only unfinished fragments are held', () => {
    const assembler = new PartialAssembler({ maxLineBytes: 100, decode: utf8 });
    assembler.push(whole('done'), 0);
    assert.deepEqual(assembler.flushExpired(1_000_000, 2_000), []);
  });
});

describe('PartialAssembler: properties', () => {
  test('reassembles any bytes cut into partial chunks of any size back into the original line', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 1, max: 64 }), fc.boolean(), (bytes, size, legacy) => {
        const line = Buffer.from(bytes.filter((b) => b !== 0x0d)); // a trailing CR is stripped by design
        const entries = legacy
          ? dockerChunks(line, 'p', 'stderr', size).map((e, i, all) => (i === all.length - 1 ? whole(e.line, 'stderr') : part(e.line, undefined, 'stderr')))
          : dockerChunks(line, 'p', 'stderr', size);
        const out = feed(new PartialAssembler({ maxLineBytes: 1_000, decode: latin1 }), entries);
        assert.equal(out.length, 1);
        assert.ok(Buffer.from(out[0].text, 'latin1').equals(line));
      }),
    );
  });

  test('cuts capped lines into pieces that fit, rejoin to the original, and split no valid character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), fc.integer({ min: 4, max: 24 }), fc.integer({ min: 1, max: 40 }), (text, cap, size) => {
        const line = text.replace(/\r/g, '');
        const out = feed(new PartialAssembler({ maxLineBytes: cap, decode: utf8 }), dockerChunks(Buffer.from(line), 'c', 'stdout', size));
        assert.equal(texts(out).join(''), line);
        assert.ok(out.every((l) => Buffer.byteLength(l.text) <= cap && !l.text.includes('\uFFFD')));
        // Greedy: a piece was cut only because the next character would not fit.
        const firstChar = (s: string): string => String.fromCodePoint(s.codePointAt(0) ?? 0);
        assert.ok(out.slice(0, -1).every((l, i) => Buffer.byteLength(l.text) + Buffer.byteLength(firstChar(out[i + 1].text)) > cap));
      }),
    );
  });
});
