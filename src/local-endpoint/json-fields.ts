/**
 * Typed reads from a decoded AWS JSON 1.1 request body. A member of the wrong JSON type is a SerializationException on
 * the real service (it fails before validation); here it is thrown as WireTypeError and turned into that error value
 * by the operation dispatcher. Absent and null members both read as undefined (AWS treats them alike).
 */
export class WireTypeError extends Error {
  constructor(readonly path: string, readonly expected: string, actual: unknown) {
    super(`Expected ${expected} at '${path}' but found ${describe(actual)}`);
    this.name = 'WireTypeError';
  }
}

export type JsonObject = Record<string, unknown>;

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function member(body: JsonObject, key: string): unknown {
  const v = body[key];
  return v === null ? undefined : v;
}

export function optString(body: JsonObject, key: string, path = key): string | undefined {
  const v = member(body, key);
  if (v === undefined || typeof v === 'string') return v;
  throw new WireTypeError(path, 'string', v);
}

/** Integers (int32/int64 members). JSON numbers with a fraction are refused like the real deserializer does. */
export function optInteger(body: JsonObject, key: string, path = key): number | undefined {
  const v = member(body, key);
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  throw new WireTypeError(path, 'integer', v);
}

export function optBoolean(body: JsonObject, key: string, path = key): boolean | undefined {
  const v = member(body, key);
  if (v === undefined || typeof v === 'boolean') return v;
  throw new WireTypeError(path, 'boolean', v);
}

export function optList(body: JsonObject, key: string, path = key): unknown[] | undefined {
  const v = member(body, key);
  if (v === undefined || Array.isArray(v)) return v;
  throw new WireTypeError(path, 'list', v);
}

export function optStringList(body: JsonObject, key: string, path = key): string[] | undefined {
  const list = optList(body, key, path);
  if (list === undefined) return undefined;
  return list.map((item, i) => {
    if (typeof item === 'string') return item;
    throw new WireTypeError(`${path}.${i + 1}.member`, 'string', item);
  });
}

export function optStringMap(body: JsonObject, key: string, path = key): Record<string, string> | undefined {
  const v = member(body, key);
  if (v === undefined) return undefined;
  if (!isObject(v)) throw new WireTypeError(path, 'map', v);
  for (const [k, value] of Object.entries(v)) {
    if (typeof value !== 'string') throw new WireTypeError(`${path}.${k}`, 'string', value);
  }
  return v as Record<string, string>;
}
