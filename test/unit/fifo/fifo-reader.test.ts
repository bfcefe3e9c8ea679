import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openFifo } from '../../../src/fifo/fifo-reader';
import { FrameDecoder } from '../../../src/fifo/frame-decoder';
import { decodeLogEntry, encodeLogEntry, frame } from '../../../src/fifo/log-entry-codec';

let dir: string;
let counter = 0;

function makeFifo(): string {
  const file = path.join(dir, `fifo-${counter++}`);
  execFileSync('mkfifo', ['-m', '0600', file]);
  return file;
}

/** Opens the write side the way dockerd does: O_RDWR|O_NONBLOCK, before the plugin opens its end. */
function openWriter(file: string): number {
  return fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_NONBLOCK);
}

/** Writes everything, waiting while the 64 KiB pipe is full (the reader drains it on the same event loop). */
async function writeAll(fd: number, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      await sleep(1);
    }
  }
}

/** Collects everything the socket yields until EOF. */
function readToEnd(socket: net.Socket): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
  });
}

function entryFrame(text: string): Buffer {
  return frame(encodeLogEntry({ source: 'stdout', timeNano: 1_700_000_000_000_000_000n, line: Buffer.from(text), partial: false }));
}

function lines(bytes: Buffer): string[] {
  const decoder = new FrameDecoder();
  const out = decoder.push(bytes).map((payload) => decodeLogEntry(payload).line.toString());
  decoder.finish();
  return out;
}

describe('openFifo', () => {
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcw-fifo-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('reads the frames a writer puts in a real FIFO and sees EOF when the writer closes', async () => {
    const file = makeFifo();
    const writer = openWriter(file);
    const socket = openFifo(file);
    const received = readToEnd(socket);
    await writeAll(writer, Buffer.concat(['first', '', 'third'].map(entryFrame)));
    fs.closeSync(writer);
    assert.deepEqual(lines(await received), ['first', '', 'third']);
  });

  test('streams more than the 64 KiB pipe buffer in order, with the writer waiting for the reader', async () => {
    const file = makeFifo();
    const writer = openWriter(file);
    const socket = openFifo(file);
    const received = readToEnd(socket);
    const expected = Array.from({ length: 5000 }, (_, i) => `line ${i} ${'x'.repeat(i % 200)}`);
    await writeAll(writer, Buffer.concat(expected.map(entryFrame)));
    fs.closeSync(writer);
    assert.deepEqual(lines(await received), expected);
  });

  test('does not block on an open FIFO that no one has written to yet', () => {
    const file = makeFifo();
    const writer = openWriter(file);
    const socket = openFifo(file);
    assert.equal(socket.readable, true);
    socket.destroy();
    fs.closeSync(writer);
  });

  test('keeps reading a busy FIFO and the threadpool free while six other FIFOs stay idle', { timeout: 10_000 }, async () => {
    // With fs.createReadStream each idle FIFO would park one of libuv's 4 threadpool threads in read():
    // the busy FIFO and every fs call would then stall (docker-logging-protocol.md §4).
    const idle = Array.from({ length: 6 }, () => {
      const file = makeFifo();
      const writer = openWriter(file);
      const socket = openFifo(file);
      socket.on('data', () => assert.fail('an idle FIFO yielded data'));
      return { writer, socket };
    });
    try {
      await sleep(50); // give any blocking reads time to occupy threads
      const stat = await Promise.race([fs.promises.stat(dir).then(() => 'done'), sleep(2000).then(() => 'stalled')]);
      assert.equal(stat, 'done', 'an fs call on the threadpool stalled');

      const file = makeFifo();
      const writer = openWriter(file);
      const received = readToEnd(openFifo(file));
      const expected = Array.from({ length: 1000 }, (_, i) => `busy ${i}`);
      await writeAll(writer, Buffer.concat(expected.map(entryFrame)));
      fs.closeSync(writer);
      const result = await Promise.race([received, sleep(5000).then(() => undefined)]);
      assert.ok(result, 'the busy FIFO did not reach EOF while others were idle');
      assert.deepEqual(lines(result), expected);
    } finally {
      for (const { writer, socket } of idle) {
        socket.destroy();
        fs.closeSync(writer);
      }
    }
  });

  test('throws ENOENT for a FIFO that does not exist', () => {
    assert.throws(() => openFifo(path.join(dir, 'missing')), { code: 'ENOENT' });
  });
});
