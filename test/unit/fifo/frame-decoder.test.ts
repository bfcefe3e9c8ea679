import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FrameDecoder, MAX_FRAME_BYTES } from '../../../src/fifo/frame-decoder';
import { CorruptFrameError } from '../../../src/errors';

function framed(payload: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt32BE(payload.length, 0);
  return Buffer.concat([header, payload]);
}

function stream(payloads: Buffer[]): Buffer {
  return Buffer.concat(payloads.map(framed));
}

function decodeAll(pieces: Buffer[], decoder = new FrameDecoder()): Buffer[] {
  const out: Buffer[] = [];
  for (const piece of pieces) out.push(...decoder.push(piece));
  decoder.finish();
  return out;
}

const payloads = [
  Buffer.alloc(0),
  Buffer.from('a'),
  Buffer.from('hello'),
  Buffer.alloc(0),
  Buffer.alloc(300, 0x41),
  Buffer.from([0, 0, 0, 0]),
  Buffer.alloc(0),
];
const whole = stream(payloads);

function isCorrupt(pattern: RegExp) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof CorruptFrameError);
    assert.equal(error.code, 'DCW_CORRUPT_FRAME');
    assert.match(error.message, pattern);
    return true;
  };
}

describe('FrameDecoder', () => {
  test('decodes a multi-frame stream split into two reads at every byte boundary', () => {
    for (let cut = 0; cut <= whole.length; cut++) {
      assert.deepEqual(decodeAll([whole.subarray(0, cut), whole.subarray(cut)]), payloads, `cut at ${cut}`);
    }
  });

  test('decodes a multi-frame stream split into three reads at every pair of boundaries', () => {
    const small = stream([Buffer.alloc(0), Buffer.from('xy'), Buffer.alloc(0), Buffer.from('z'.repeat(9))]);
    const expected = [Buffer.alloc(0), Buffer.from('xy'), Buffer.alloc(0), Buffer.from('z'.repeat(9))];
    for (let i = 0; i <= small.length; i++) {
      for (let j = i; j <= small.length; j++) {
        const pieces = [small.subarray(0, i), small.subarray(i, j), small.subarray(j)];
        assert.deepEqual(decodeAll(pieces), expected, `cuts at ${i}, ${j}`);
      }
    }
  });

  test('decodes a stream fed one byte at a time', () => {
    const bytes = [...whole].map((b) => Buffer.from([b]));
    assert.deepEqual(decodeAll(bytes), payloads);
  });

  test('returns a zero-length frame as an empty payload, since an all-default LogEntry encodes to 0 bytes', () => {
    const decoder = new FrameDecoder();
    const out = decoder.push(Buffer.from([0, 0, 0, 0, 0, 0, 0, 0]));
    assert.equal(out.length, 2);
    assert.ok(out.every((p) => p.length === 0));
    assert.equal(decoder.pendingBytes, 0);
  });

  test('returns a payload that lies inside one read as a view of it, without copying', () => {
    const chunk = framed(Buffer.from('inside'));
    const [payload] = new FrameDecoder().push(chunk);
    assert.equal(payload.buffer, chunk.buffer);
    assert.equal(payload.toString(), 'inside');
  });

  test('accepts a frame of exactly the cap and rejects one byte more as soon as its header arrives', () => {
    assert.deepEqual(new FrameDecoder(10).push(framed(Buffer.alloc(10, 1))), [Buffer.alloc(10, 1)]);
    const decoder = new FrameDecoder(10);
    const header = Buffer.from([0, 0, 0, 11]);
    assert.throws(() => decoder.push(header), isCorrupt(/declares a 11-byte payload, above the 10-byte cap/));
  });

  test('returns the valid frames before an oversized one and reports its byte offset and length', () => {
    const decoder = new FrameDecoder();
    const valid = framed(Buffer.from('abc')); // 7 bytes
    const bad = Buffer.alloc(4);
    bad.writeUInt32BE(0xffffffff, 0);
    const payloads = decoder.push(Buffer.concat([valid, bad]));
    assert.deepEqual(payloads.map(String), ['abc']);
    const expected = new RegExp(`byte offset 7 declares a 4294967295-byte payload, above the ${MAX_FRAME_BYTES}-byte cap`);
    assert.match(decoder.error?.message ?? '', expected);
    assert.throws(() => decoder.push(Buffer.alloc(0)), isCorrupt(expected));
  });

  test('keeps failing after a corrupt frame instead of resynchronising on payload bytes', () => {
    const decoder = new FrameDecoder(4);
    assert.throws(() => decoder.push(Buffer.from([0, 0, 0, 5])), CorruptFrameError);
    assert.throws(() => decoder.push(framed(Buffer.from('ok'))), CorruptFrameError);
    assert.throws(() => decoder.finish(), CorruptFrameError);
  });

  test('sets the default cap at 1 MiB, far above the ~16.5 KB frames dockerd writes', () => {
    assert.equal(MAX_FRAME_BYTES, 1048576);
    const payload = Buffer.alloc(MAX_FRAME_BYTES, 7);
    assert.equal(new FrameDecoder().push(framed(payload))[0].length, MAX_FRAME_BYTES);
  });

  test('throws at end of stream when a frame payload was truncated, saying how many bytes remained', () => {
    const decoder = new FrameDecoder();
    decoder.push(framed(Buffer.from('complete')));
    decoder.push(framed(Buffer.from('truncated!')).subarray(0, 9)); // header + 5 of 10 payload bytes
    assert.equal(decoder.pendingBytes, 9);
    assert.throws(() => decoder.finish(), isCorrupt(/byte offset 12: 9 byte\(s\) of an incomplete frame \(a frame declaring 10 payload bytes had only 5/));
  });

  test('throws at end of stream when only part of a header arrived', () => {
    const decoder = new FrameDecoder();
    decoder.push(Buffer.from([0, 0]));
    assert.equal(decoder.pendingBytes, 2);
    assert.throws(() => decoder.finish(), isCorrupt(/2 byte\(s\) of an incomplete frame \(only 2 of the 4 header bytes/));
  });

  test('finishes silently when the stream ends on a frame boundary, including an empty stream', () => {
    assert.doesNotThrow(() => new FrameDecoder().finish());
    const decoder = new FrameDecoder();
    decoder.push(whole);
    assert.doesNotThrow(() => decoder.finish());
  });

  test('decodes a large frame delivered in 262 144 one-byte reads in linear time', { timeout: 20_000 }, () => {
    const payload = Buffer.alloc(256 * 1024);
    for (let i = 0; i < payload.length; i++) payload[i] = (i * 31) & 0xff;
    const bytes = framed(payload);
    const decoder = new FrameDecoder();
    const out: Buffer[] = [];
    for (let i = 0; i < bytes.length; i++) out.push(...decoder.push(bytes.subarray(i, i + 1)));
    assert.equal(out.length, 1);
    assert.ok(out[0].equals(payload));
    assert.equal(decoder.pendingBytes, 0);
  });

  test('decodes 100 000 tiny frames arriving in 3-byte reads', { timeout: 20_000 }, () => {
    const many = Array.from({ length: 100_000 }, (_, i) => Buffer.from(String(i % 10)));
    const bytes = stream(many);
    const pieces: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 3) pieces.push(bytes.subarray(i, i + 3));
    const out = decodeAll(pieces);
    assert.equal(out.length, many.length);
    assert.ok(out.every((p, i) => p.equals(many[i])));
  });

  test('yields the same payloads however the stream is cut (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (arrays, cuts) => {
          const expected = arrays.map((a) => Buffer.from(a));
          const bytes = stream(expected);
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const pieces: Buffer[] = [];
          let from = 0;
          for (const point of [...points, bytes.length]) {
            pieces.push(bytes.subarray(from, point));
            from = point;
          }
          assert.deepEqual(decodeAll(pieces), expected);
        },
      ),
    );
  });
});
