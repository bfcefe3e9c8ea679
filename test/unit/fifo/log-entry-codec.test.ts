import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { decodeLogEntry, encodeLogEntry, findEntryProto, frame } from '../../../src/fifo/log-entry-codec';
import { CorruptFrameError } from '../../../src/errors';
import type { DockerLogEntry } from '../../../src/pipeline-types';

/** Protobuf varint, written independently of protobufjs so the tests check the wire format itself. */
function varint(value: bigint): number[] {
  const out: number[] = [];
  let v = BigInt.asUintN(64, value);
  do {
    const low = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v === 0n ? low : low | 0x80);
  } while (v !== 0n);
  return out;
}

function lengthDelimited(tag: number, bytes: Buffer): number[] {
  return [tag, ...varint(BigInt(bytes.length)), ...bytes];
}

const T = 1_700_000_000_123_456_789n; // a real-looking time_nano, far above 2^53

describe('decodeLogEntry', () => {
  test('decodes the bytes dockerd writes for a plain stdout line', () => {
    const payload = Buffer.from([
      ...lengthDelimited(0x0a, Buffer.from('stdout')),
      0x10,
      ...varint(T),
      ...lengthDelimited(0x1a, Buffer.from('hello')),
    ]);
    const entry = decodeLogEntry(payload);
    assert.equal(entry.source, 'stdout');
    assert.equal(entry.timeNano, T);
    assert.equal(entry.line.toString(), 'hello');
    assert.equal(entry.partial, false);
    assert.equal(entry.partialMeta, undefined);
  });

  test('decodes an absent line field (an empty line) to an empty Buffer, not null', () => {
    const payload = Buffer.from([...lengthDelimited(0x0a, Buffer.from('stderr')), 0x10, ...varint(T)]);
    const entry = decodeLogEntry(payload);
    assert.ok(Buffer.isBuffer(entry.line));
    assert.equal(entry.line.length, 0);
    assert.equal(entry.source, 'stderr');
  });

  test('keeps time_nano exact above 2^53, down to the nanosecond', () => {
    for (const t of [T, T + 1n, 2n ** 63n - 1n, -1n, 2n ** 53n + 1n]) {
      const payload = Buffer.from([0x10, ...varint(t)]);
      assert.equal(decodeLogEntry(payload).timeNano, t);
    }
  });

  test('decodes partial metadata: last, id and ordinal', () => {
    const id = 'f'.repeat(64);
    const meta = Buffer.from([0x08, 1, ...lengthDelimited(0x12, Buffer.from(id)), 0x18, 3]);
    const payload = Buffer.from([...lengthDelimited(0x1a, Buffer.from('x')), 0x20, 1, ...lengthDelimited(0x2a, meta)]);
    const entry = decodeLogEntry(payload);
    assert.equal(entry.partial, true);
    assert.deepEqual(entry.partialMeta, { last: true, id, ordinal: 3 });
  });

  test('decodes an empty payload as an all-default entry', () => {
    const entry = decodeLogEntry(Buffer.alloc(0));
    assert.deepEqual({ ...entry, line: entry.line.length }, { source: '', timeNano: 0n, line: 0, partial: false });
  });

  test('skips unknown fields so a newer daemon adding fields still decodes', () => {
    const payload = Buffer.from([...lengthDelimited(0x1a, Buffer.from('ok')), 0x38, 5, ...lengthDelimited(0x42, Buffer.from('zz'))]);
    assert.equal(decodeLogEntry(payload).line.toString(), 'ok');
  });

  const corrupt: Array<[string, number[]]> = [
    ['a string longer than the payload', [0x0a, 5, 0x61]],
    ['a known field with the wrong wire type', [0x08, 1]],
    ['wire type 7', [0x0f]],
    ['field number 0', [0x02, 0]],
    ['a truncated varint', [0x10, 0xff]],
    ['metadata overrunning its frame', [0x2a, 9, 0x08, 1]],
    ['metadata with a truncated id', [0x2a, 4, 0x12, 8, 0x61, 0x62]],
  ];
  for (const [what, bytes] of corrupt) {
    test(`throws CorruptFrameError on ${what}`, () => {
      assert.throws(
        () => decodeLogEntry(Buffer.from(bytes)),
        (error: unknown) => error instanceof CorruptFrameError && error.code === 'DCW_CORRUPT_FRAME',
      );
    });
  }
});

describe('encodeLogEntry', () => {
  test('omits default-valued fields like dockerd, so an empty line has no line field', () => {
    const bytes = encodeLogEntry({ source: 'stdout', timeNano: T, line: Buffer.alloc(0), partial: false });
    assert.deepEqual([...bytes], [...lengthDelimited(0x0a, Buffer.from('stdout')), 0x10, ...varint(T)]);
  });

  test('encodes an all-default entry to zero bytes', () => {
    assert.equal(encodeLogEntry({ source: '', timeNano: 0n, line: Buffer.alloc(0), partial: false }).length, 0);
  });

  test('round-trips entries with any source, time, bytes and partial metadata (property)', () => {
    const entryArb = fc.record({
      source: fc.constantFrom('stdout', 'stderr', ''),
      timeNano: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
      line: fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)),
      partial: fc.boolean(),
      meta: fc.option(fc.record({ last: fc.boolean(), id: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), maxLength: 64 }), ordinal: fc.integer({ min: 0, max: 2 ** 31 - 1 }) })),
    });
    fc.assert(
      fc.property(entryArb, ({ meta, ...rest }) => {
        const entry: DockerLogEntry = meta ? { ...rest, partialMeta: { ...meta } } : { ...rest };
        assert.deepEqual(decodeLogEntry(encodeLogEntry(entry)), entry);
      }),
    );
  });
});

describe('frame', () => {
  test('prefixes the payload with its big-endian uint32 length', () => {
    assert.deepEqual([...frame(Buffer.from('abc'))], [0, 0, 0, 3, 0x61, 0x62, 0x63]);
    assert.deepEqual([...frame(Buffer.alloc(0))], [0, 0, 0, 0]);
    assert.equal(frame(Buffer.alloc(70_000)).readUInt32BE(0), 70_000);
  });
});

describe('findEntryProto', () => {
  test('finds proto/entry.proto by walking up from a nested build directory', () => {
    const found = findEntryProto(path.join(__dirname, 'deeper', 'still'));
    assert.equal(path.basename(found), 'entry.proto');
    assert.equal(path.basename(path.dirname(found)), 'proto');
  });

  test('names the file it looked for when no parent directory has it', () => {
    assert.throws(() => findEntryProto(os.tmpdir()), /cannot find proto[/\\]entry\.proto/);
  });
});
