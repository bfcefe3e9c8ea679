/**
 * Counts the lines a container wrote on one stream, the way the log driver will turn them into events: Docker's log
 * copier splits at '\n' (dropping it) and flushes an unterminated tail at EOF; the driver drops empty messages
 * (awslogs does the same). So the count is the number of non-empty lines, including a non-empty unterminated tail.
 * Long lines that Docker splits into 16 KiB partials are reassembled by the driver and still count once.
 */
export class LineCounter {
  private complete = 0;
  private tailLength = 0;

  push(chunk: Uint8Array): void {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a, start); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      if (this.tailLength + (nl - start) > 0) this.complete += 1;
      this.tailLength = 0;
      start = nl + 1;
    }
    this.tailLength += chunk.length - start;
  }

  /** Lines so far, counting a pending unterminated tail, which Docker delivers when the stream ends. */
  get lines(): number {
    return this.complete + (this.tailLength > 0 ? 1 : 0);
  }
}
