import { createHash } from 'crypto';
import { isMap, JsonMap } from '../json';
import { KubeObject } from '../../yaml';

/** JSON with sorted keys and Go's HTML escaping, byte-identical to Go's json.Marshal. */
function goJson(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (isMap(v)) {
      const out: JsonMap = {};
      for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k]);
      return out;
    }
    return v;
  };
  return JSON.stringify(sortKeys(value)).replace(
    /[<>&\u2028\u2029]/g,
    ch => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** kustomize's encoding of a sha256 hex digest into a 10-character suffix. */
function encodeSuffix(hex: string): string {
  const map: Record<string, string> = {
    '0': 'g',
    '1': 'h',
    '3': 'k',
    a: 'm',
    e: 't',
  };
  return hex.slice(0, 10).replace(/[013ae]/g, ch => map[ch]);
}

const mapOrEmpty = (v: unknown) => (isMap(v) ? v : '');

/**
 * The name-suffix hash kustomize (api/hasher) computes for a generated
 * ConfigMap or Secret. Like kustomize, the name does not enter the hash
 * (its lookup of "metadata/name" finds nothing and hashes ""), only kind,
 * type and the data maps.
 */
export function generatedNameHash(obj: KubeObject): string {
  let encoded: JsonMap;
  if (obj.kind === 'Secret') {
    encoded = {
      kind: 'Secret',
      type: typeof obj.type === 'string' ? obj.type : '',
      name: '',
      data: mapOrEmpty(obj.data),
    };
    if (isMap(obj.stringData)) encoded.stringData = obj.stringData;
  } else {
    encoded = { kind: 'ConfigMap', name: '', data: mapOrEmpty(obj.data) };
    if (isMap(obj.binaryData)) encoded.binaryData = obj.binaryData;
  }
  return encodeSuffix(
    createHash('sha256').update(goJson(encoded)).digest('hex'),
  );
}
