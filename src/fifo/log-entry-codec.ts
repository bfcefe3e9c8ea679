import fs from 'node:fs';
import path from 'node:path';
import protobuf from 'protobufjs';
import { CorruptFrameError } from '../errors';
import type { DockerLogEntry } from '../pipeline-types';

/**
 * Docker's `LogEntry` protobuf (proto/entry.proto, docker-logging-protocol.md §5) ⇄ DockerLogEntry.
 *
 * - `line` is absent for an empty line (proto3 omits empty bytes); it decodes to an empty Buffer, never null.
 * - `time_nano` (~1.7e18) is above 2^53, so it is rebuilt as a BigInt from the 64-bit halves protobufjs reads;
 *   a JS number would lose the low bits.
 */

const PROTO_RELATIVE_PATH = path.join('proto', 'entry.proto');
const LOG_ENTRY_TYPE = 'docker.logdriver.LogEntry';

/**
 * Wire type of every known field, per message (proto/entry.proto). protobufjs trusts a field number's declared
 * type and clamps over-long strings to the buffer end, so a corrupt payload could otherwise decode "successfully".
 */
const VARINT = 0;
const LENGTH_DELIMITED = 2;
const ENTRY_WIRE_TYPES: ReadonlyMap<number, number> = new Map([
  [1, LENGTH_DELIMITED], // source
  [2, VARINT], // time_nano
  [3, LENGTH_DELIMITED], // line
  [4, VARINT], // partial
  [5, LENGTH_DELIMITED], // partial_log_metadata
  [6, LENGTH_DELIMITED], // attrs
]);
const METADATA_WIRE_TYPES: ReadonlyMap<number, number> = new Map([
  [1, VARINT], // last
  [2, LENGTH_DELIMITED], // id
  [3, VARINT], // ordinal
]);
const METADATA_FIELD = 5;

let logEntryType: protobuf.Type | undefined;

/**
 * The .proto ships next to dist/ in every layout we run from (dist/, dist-test/src/, /app/dist in the plugin
 * rootfs), so it is found by walking up from this file's directory.
 */
export function findEntryProto(startDir: string = __dirname): string {
  for (let dir = startDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, PROTO_RELATIVE_PATH);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) {
      throw new Error(`cannot find ${PROTO_RELATIVE_PATH} in ${startDir} or any parent directory`);
    }
  }
}

function entryType(): protobuf.Type {
  if (!logEntryType) {
    const source = fs.readFileSync(findEntryProto(), 'utf8');
    logEntryType = protobuf.parse(source, { keepCase: true }).root.lookupType(LOG_ENTRY_TYPE);
  }
  return logEntryType;
}

/** Parses one frame payload. Throws CorruptFrameError when it is not a valid LogEntry. */
export function decodeLogEntry(payload: Buffer): DockerLogEntry {
  let message: Record<string, unknown>;
  try {
    checkWireShape(protobuf.Reader.create(payload), payload.length, ENTRY_WIRE_TYPES);
    message = entryType().decode(payload) as unknown as Record<string, unknown>;
  } catch (error) {
    if (error instanceof CorruptFrameError) throw error;
    throw new CorruptFrameError(`frame payload of ${payload.length} bytes is not a valid LogEntry protobuf: ${String(error)}`);
  }
  const meta = message.partial_log_metadata as Record<string, unknown> | null | undefined;
  return {
    source: typeof message.source === 'string' ? message.source : '',
    timeNano: int64ToBigInt(message.time_nano),
    line: toBuffer(message.line),
    partial: message.partial === true,
    ...(meta
      ? {
          partialMeta: {
            last: meta.last === true,
            id: typeof meta.id === 'string' ? meta.id : '',
            ordinal: typeof meta.ordinal === 'number' ? meta.ordinal : 0,
          },
        }
      : {}),
  };
}

/**
 * Serialises like dockerd does (proto3: fields at their default value are omitted, so an empty line has no
 * `line` field). Used by tests and by ReadLogs.
 */
export function encodeLogEntry(entry: DockerLogEntry): Buffer {
  const message: Record<string, unknown> = {};
  if (entry.source !== '') message.source = entry.source;
  if (entry.timeNano !== 0n) message.time_nano = bigIntToInt64Bits(entry.timeNano);
  if (entry.line.length > 0) message.line = entry.line;
  if (entry.partial) message.partial = true;
  if (entry.partialMeta) {
    const { last, id, ordinal } = entry.partialMeta;
    message.partial_log_metadata = { ...(last ? { last } : {}), ...(id ? { id } : {}), ...(ordinal ? { ordinal } : {}) };
  }
  const bytes = entryType().encode(message).finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Prefixes a payload with its big-endian uint32 length, as on the FIFO. */
export function frame(payload: Buffer): Buffer {
  const header = Buffer.allocUnsafe(4);
  header.writeUInt32BE(payload.length, 0);
  return Buffer.concat([header, payload]);
}

/** Walks the fields up to `end`, checking wire types of known fields and that every length stays in bounds. */
function checkWireShape(reader: protobuf.Reader, end: number, wireTypes: ReadonlyMap<number, number>): void {
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    const wireType = tag & 7;
    const expected = wireTypes.get(field);
    if (field === 0 || (expected !== undefined && expected !== wireType)) {
      throw new CorruptFrameError(`LogEntry field ${field} has wire type ${wireType} at offset ${reader.pos}`);
    }
    if (wireTypes === ENTRY_WIRE_TYPES && field === METADATA_FIELD) {
      const length = reader.uint32();
      const nestedEnd = reader.pos + length;
      if (nestedEnd > end) throw new CorruptFrameError(`partial_log_metadata overruns its frame by ${nestedEnd - end} bytes`);
      checkWireShape(reader, nestedEnd, METADATA_WIRE_TYPES);
    } else {
      reader.skipType(wireType);
    }
    if (reader.pos > end) throw new CorruptFrameError(`LogEntry field ${field} overruns its frame by ${reader.pos - end} bytes`);
  }
}

/** protobufjs yields int64 as a long.js Long ({low, high} 32-bit halves); exactness needs BigInt. */
function int64ToBigInt(value: unknown): bigint {
  if (typeof value === 'number') return BigInt(value);
  if (typeof value === 'object' && value !== null && 'low' in value && 'high' in value) {
    const { low, high } = value as { low: number; high: number };
    return BigInt.asIntN(64, (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0));
  }
  return 0n;
}

function bigIntToInt64Bits(value: bigint): { low: number; high: number } {
  const bits = BigInt.asUintN(64, value);
  return { low: Number(bits & 0xffffffffn), high: Number(bits >> 32n) };
}

/** protobufjs gives a Buffer view for present bytes and an empty array default for absent ones. */
function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return Buffer.alloc(0);
}
