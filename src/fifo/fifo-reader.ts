import fs from 'node:fs';
import net from 'node:net';

/**
 * Opens the logging FIFO dockerd created for one container, as a readable stream of raw frame bytes.
 *
 * Why a non-blocking fd wrapped in net.Socket, and never fs.createReadStream (docker-logging-protocol.md §4):
 * - createReadStream reads with blocking read() calls on libuv's threadpool (4 threads by default). An idle
 *   container's FIFO parks one thread in read() until the container prints; with 4 idle containers every other
 *   FIFO, and every fs/dns/crypto call of the process, stalls (measured: 10 s instead of 1.5 s for busy
 *   containers with 6 idle ones). Raising UV_THREADPOOL_SIZE only moves the cliff (nodejs/node#23220).
 * - net.Socket over the fd uses epoll on the event loop: any number of idle FIFOs cost nothing.
 * - O_NONBLOCK makes open() itself return at once instead of waiting for a writer. dockerd opens its end
 *   O_RDWR before StartLogging, so a writer always exists and the non-blocking reader never sees a premature
 *   EOF; EOF arrives only when dockerd closes its fd, after StopLogging was answered.
 *
 * The caller owns the socket: it must handle 'error' and destroy it when done (that closes the fd).
 */
export function openFifo(file: string): net.Socket {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    return new net.Socket({ fd, readable: true, writable: false });
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}
