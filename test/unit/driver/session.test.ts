import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from '../../../src/driver/session';
import { IngestPipeline } from '../../../src/driver/ingest-pipeline';
import { openFifo } from '../../../src/fifo/fifo-reader';
import { encodeLogEntry, frame } from '../../../src/fifo/log-entry-codec';
import type { EventSink } from '../../../src/pipeline-sink';
import type { LogEvent } from '../../../src/pipeline-types';
import { droppedEvents } from '../../../src/observability/metrics';

/** A sink that records events; `capacity` makes it report full to exercise backpressure. */
class RecordingSink implements EventSink {
  events: LogEvent[] = [];
  closedWith?: number;
  private waiters: (() => void)[] = [];
  constructor(private capacity = Infinity) {}
  write(e: LogEvent): void {
    this.events.push(e);
  }
  get full(): boolean {
    return this.events.length >= this.capacity;
  }
  room(): Promise<void> {
    return new Promise((r) => this.waiters.push(r));
  }
  grow(by: number): void {
    this.capacity += by;
    for (const w of this.waiters.splice(0)) w();
  }
  async close(deadline: number): Promise<void> {
    this.closedWith = deadline;
  }
}

function entryFrame(line: string, source = 'stdout', timeNano = 1_700_000_000_123_456_789n): Buffer {
  return frame(encodeLogEntry({ source, timeNano, line: Buffer.from(line), partial: false }));
}

/** A FIFO opened by the "daemon side" read-write, like dockerd does (docker-logging-protocol.md §4). */
function makeFifo(): { file: string; writer: number; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcw-session-'));
  const file = path.join(dir, 'fifo');
  execFileSync('mkfifo', [file]);
  const writer = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_NONBLOCK);
  return { file, writer, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function session(file: string, sink: EventSink): Session {
  return new Session({
    file,
    containerId: 'c'.repeat(64),
    source: openFifo(file),
    pipeline: new IngestPipeline({ maxEventBytes: 1_048_550, flushIntervalMs: 5_000 }),
    sink,
    closeDeadlineMs: 1_000,
  });
}

describe('logging session', () => {
  test('keeps reading after StopLogging and closes the sink only at EOF', async () => {
    const f = makeFifo();
    const sink = new RecordingSink();
    const s = session(f.file, sink);
    fs.writeSync(f.writer, Buffer.concat([entryFrame('one'), entryFrame('two')]));
    s.stop();
    assert.equal(s.status, 'draining');
    fs.writeSync(f.writer, entryFrame('three')); // still in the pipe when StopLogging arrives
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(sink.closedWith, undefined, 'the sink must not close before EOF');
    fs.closeSync(f.writer);
    await s.done;
    assert.deepEqual(sink.events.map((e) => e.message), ['one', 'two', 'three']);
    assert.equal(sink.events[0].timestampMs, 1_700_000_000_123);
    assert.equal(s.entries, 3);
    assert.ok(sink.closedWith !== undefined);
    f.cleanup();
  });

  test('ends at EOF even without StopLogging (live-restore)', async () => {
    const f = makeFifo();
    const sink = new RecordingSink();
    const s = session(f.file, sink);
    fs.writeSync(f.writer, entryFrame('only'));
    fs.closeSync(f.writer);
    await s.done;
    assert.equal(s.status, 'closed');
    assert.deepEqual(sink.events.map((e) => e.message), ['only']);
    f.cleanup();
  });

  test('a corrupt frame stops shipping for that container, keeps draining its FIFO, and leaves others unaffected', async () => {
    const bad = makeFifo();
    const good = makeFifo();
    const badSink = new RecordingSink();
    const goodSink = new RecordingSink();
    const before = (await droppedEvents.get()).values.find((v) => v.labels.reason === 'corrupt-frame')?.value ?? 0;
    const s1 = session(bad.file, badSink);
    const s2 = session(good.file, goodSink);
    const oversized = Buffer.alloc(4);
    oversized.writeUInt32BE(0x7fffffff); // far above the frame cap
    fs.writeSync(bad.writer, Buffer.concat([entryFrame('before'), oversized, Buffer.alloc(1000, 7)]));
    fs.writeSync(good.writer, entryFrame('good 1'));
    await new Promise((r) => setTimeout(r, 100));
    // More than a pipe's worth after the corruption: the container must never block on a full pipe.
    const filler = Buffer.alloc(64 * 1024, 1);
    let written = 0;
    for (let i = 0; i < 8; i++) {
      try {
        written += fs.writeSync(bad.writer, filler);
      } catch {
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    assert.ok(written >= 4 * filler.length, `only ${written} bytes could be written after the corrupt frame`);
    fs.writeSync(good.writer, entryFrame('good 2'));
    fs.closeSync(bad.writer);
    fs.closeSync(good.writer);
    await Promise.all([s1.done, s2.done]);
    assert.deepEqual(badSink.events.map((e) => e.message), ['before']);
    assert.deepEqual(goodSink.events.map((e) => e.message), ['good 1', 'good 2']);
    const afterCount = (await droppedEvents.get()).values.find((v) => v.labels.reason === 'corrupt-frame')?.value ?? 0;
    assert.equal(afterCount, before + 1, 'the corruption is counted as a drop');
    bad.cleanup();
    good.cleanup();
  });

  test('pauses reading while the sink is full and resumes when it has room', async () => {
    const f = makeFifo();
    const sink = new RecordingSink(2);
    const s = session(f.file, sink);
    fs.writeSync(f.writer, Buffer.concat([entryFrame('a'), entryFrame('b')]));
    await new Promise((r) => setTimeout(r, 100));
    fs.writeSync(f.writer, Buffer.concat([entryFrame('c'), entryFrame('d')]));
    await new Promise((r) => setTimeout(r, 150));
    assert.deepEqual(sink.events.map((e) => e.message), ['a', 'b'], 'nothing is read while the sink is full');
    sink.grow(10);
    fs.closeSync(f.writer);
    await s.done;
    assert.deepEqual(sink.events.map((e) => e.message), ['a', 'b', 'c', 'd']);
    f.cleanup();
  });

  test('shutdown flushes what was read and hands the sink the shutdown deadline', async () => {
    const f = makeFifo();
    const sink = new RecordingSink();
    const s = session(f.file, sink);
    fs.writeSync(f.writer, entryFrame('held'));
    await new Promise((r) => setTimeout(r, 50));
    const deadline = Date.now() + 1234;
    await s.shutdown(deadline); // the writer stays open, as with `docker plugin disable -f`
    assert.deepEqual(sink.events.map((e) => e.message), ['held']);
    assert.equal(sink.closedWith, deadline);
    fs.closeSync(f.writer);
    f.cleanup();
  });
});
