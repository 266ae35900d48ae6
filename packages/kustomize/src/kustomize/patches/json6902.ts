import { cloneJson, isMap } from '../json';

export interface JsonPatchOperation {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

/** Error in a JSON patch, naming the operation index. */
export class JsonPatchError extends Error {}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/'))
    throw new JsonPatchError(`path '${pointer}' must start with '/'`);
  return pointer
    .slice(1)
    .split('/')
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function resolveParent(
  doc: unknown,
  tokens: string[],
  pointer: string,
): { parent: any; key: string } {
  let node: any = doc;
  for (const t of tokens.slice(0, -1)) {
    if (Array.isArray(node)) node = node[Number(t)];
    else if (isMap(node)) node = node[t];
    else node = undefined;
    if (node === undefined || node === null)
      throw new JsonPatchError(`path '${pointer}' does not exist`);
  }
  return { parent: node, key: tokens[tokens.length - 1] };
}

function get(doc: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return doc;
  const { parent, key } = resolveParent(doc, tokens, pointer);
  let v: unknown;
  if (Array.isArray(parent)) v = parent[Number(key)];
  else if (isMap(parent)) v = parent[key];
  if (v === undefined)
    throw new JsonPatchError(`path '${pointer}' does not exist`);
  return v;
}

function remove(doc: unknown, pointer: string): unknown {
  const { parent, key } = resolveParent(doc, parsePointer(pointer), pointer);
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (!Number.isInteger(i) || i < 0 || i >= parent.length)
      throw new JsonPatchError(`path '${pointer}' does not exist`);
    return parent.splice(i, 1)[0];
  }
  if (!isMap(parent) || !(key in parent))
    throw new JsonPatchError(`path '${pointer}' does not exist`);
  const v = parent[key];
  delete parent[key];
  return v;
}

function add(
  doc: unknown,
  pointer: string,
  value: unknown,
  replace: boolean,
): void {
  const { parent, key } = resolveParent(doc, parsePointer(pointer), pointer);
  if (Array.isArray(parent)) {
    if (key === '-') {
      parent.push(value);
      return;
    }
    const i = Number(key);
    if (
      !Number.isInteger(i) ||
      i < 0 ||
      i > parent.length ||
      (replace && i >= parent.length)
    ) {
      throw new JsonPatchError(`index in '${pointer}' is out of range`);
    }
    if (replace) parent[i] = value;
    else parent.splice(i, 0, value);
    return;
  }
  if (!isMap(parent))
    throw new JsonPatchError(`path '${pointer}' does not exist`);
  if (replace && !(key in parent))
    throw new JsonPatchError(`path '${pointer}' does not exist`);
  parent[key] = value;
}

/** Applies RFC 6902 operations to `doc` in place. Throws JsonPatchError. */
export function applyJsonPatch(
  doc: Record<string, unknown>,
  ops: JsonPatchOperation[],
): void {
  ops.forEach((op, index) => {
    try {
      switch (op.op) {
        case 'add':
          add(doc, op.path, cloneJson(op.value), false);
          break;
        case 'remove':
          remove(doc, op.path);
          break;
        case 'replace':
          add(doc, op.path, cloneJson(op.value), true);
          break;
        case 'move': {
          const v = remove(doc, op.from ?? '');
          add(doc, op.path, v, false);
          break;
        }
        case 'copy':
          add(doc, op.path, cloneJson(get(doc, op.from ?? '')), false);
          break;
        case 'test':
          if (JSON.stringify(get(doc, op.path)) !== JSON.stringify(op.value)) {
            throw new JsonPatchError(`test failed at '${op.path}'`);
          }
          break;
        default:
          throw new JsonPatchError(`unknown operation '${op.op}'`);
      }
    } catch (e) {
      throw new JsonPatchError(
        `operation ${index} (${op.op} ${op.path}): ${(e as Error).message}`,
      );
    }
  });
}
