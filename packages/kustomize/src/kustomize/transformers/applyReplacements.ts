import { EngineProblem } from '../../problems';
import { cloneJson, isMap, JsonMap } from '../json';
import { compileSelector } from '../patches/selector';
import { Resource } from '../Resource';
import { Selector } from '../types';

/** One `replacements` entry, as kustomize's Replacement type. @public */
export interface Replacement {
  source: Selector & {
    fieldPath?: string;
    options?: { delimiter?: string; index?: number };
  };
  targets: Array<{
    select: Selector;
    reject?: Selector[];
    fieldPaths: string[];
    options?: { delimiter?: string; index?: number; create?: boolean };
  }>;
}

/** Splits "a.b.[k=v].[x.y/z].0" into segments, dots inside brackets kept. */
export function splitFieldPath(path: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  for (const ch of path) {
    if (ch === '[') depth++;
    if (ch === ']') depth--;
    if (ch === '.' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

type Slot = { parent: JsonMap | unknown[]; key: string | number };

/** Every place `segments` leads to; missing maps are created when asked. */
function resolveSlots(
  root: unknown,
  segments: string[],
  create: boolean,
): Slot[] {
  let nodes: unknown[] = [root];
  const slots: Slot[] = [];
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1;
    const next: unknown[] = [];
    for (const node of nodes) {
      const select = seg.match(/^\[([^=\]]*)=([^\]]*)\]$/);
      if (select && Array.isArray(node)) {
        node.forEach((el, idx) => {
          const hit =
            select[1] === ''
              ? String(el) === select[2]
              : isMap(el) && String(el[select[1]]) === select[2];
          if (!hit) return;
          if (last) slots.push({ parent: node, key: idx });
          else next.push(el);
        });
        continue;
      }
      if (seg === '*' && Array.isArray(node)) {
        node.forEach((el, idx) =>
          last ? slots.push({ parent: node, key: idx }) : next.push(el),
        );
        continue;
      }
      if (Array.isArray(node) && /^\d+$/.test(seg)) {
        const idx = Number(seg);
        if (idx < node.length) {
          if (last) slots.push({ parent: node, key: idx });
          else next.push(node[idx]);
        }
        continue;
      }
      if (!isMap(node)) continue;
      const key =
        seg.startsWith('[') && seg.endsWith(']') ? seg.slice(1, -1) : seg;
      if (last) {
        if (key in node || create) slots.push({ parent: node, key });
        continue;
      }
      if ((node[key] === undefined || node[key] === null) && create)
        node[key] = {};
      if (node[key] !== undefined && node[key] !== null) next.push(node[key]);
    }
    nodes = next;
  });
  return slots;
}

const read = (s: Slot) => (s.parent as any)[s.key];

/**
 * kustomize `replacements`: copies a value from one object's field into
 * fields of others (optionally one part of a delimited string). Runs last
 * at its level, as in kustomize. Problems instead of failures.
 */
export function applyReplacements(
  resources: readonly Resource[],
  replacements: Array<{ value: Replacement; line: number }>,
  file: string,
  problems: EngineProblem[],
): void {
  for (const { value: rep, line } of replacements) {
    const fail = (message: string) =>
      problems.push({
        code: 'replacement-failed',
        severity: 'error',
        file,
        line,
        message,
      });
    let sources: Resource[];
    try {
      const { fieldPath: _f, options: _o, ...selector } = rep.source;
      const matches = compileSelector({
        ...selector,
        name: selector.name && escapeRegex(selector.name),
      });
      sources = resources.filter(matches);
    } catch (e) {
      fail(`replacement source: ${(e as Error).message}`);
      continue;
    }
    if (sources.length !== 1) {
      fail(
        `replacement source ${JSON.stringify({
          kind: rep.source.kind,
          name: rep.source.name,
        })} matches ${sources.length} objects, expected exactly one`,
      );
      continue;
    }
    const fieldPath = rep.source.fieldPath ?? 'metadata.name';
    const found = resolveSlots(
      sources[0].object,
      splitFieldPath(fieldPath),
      false,
    );
    if (found.length === 0) {
      fail(
        `replacement source field '${fieldPath}' not found in ${sources[0].kind} '${sources[0].name}'`,
      );
      continue;
    }
    let value: unknown = read(found[0]);
    const srcOpt = rep.source.options;
    if (srcOpt?.delimiter !== undefined) {
      value = String(value).split(srcOpt.delimiter)[srcOpt.index ?? 0] ?? '';
    }
    for (const target of rep.targets) {
      let selected: Resource[];
      try {
        const rejects = (target.reject ?? []).map(compileSelector);
        const matches = compileSelector(target.select);
        selected = resources.filter(
          r => matches(r) && !rejects.some(reject => reject(r)),
        );
      } catch (e) {
        fail(`replacement target: ${(e as Error).message}`);
        continue;
      }
      for (const r of selected) {
        for (const path of target.fieldPaths) {
          const slots = resolveSlots(
            r.object,
            splitFieldPath(path),
            target.options?.create === true,
          );
          if (slots.length === 0) {
            fail(
              `replacement target field '${path}' not found in ${r.kind} '${r.name}' (and options.create is not set)`,
            );
          }
          for (const slot of slots) {
            const opt = target.options;
            let next: unknown = cloneJson(value);
            if (opt?.delimiter !== undefined) {
              const parts = String(read(slot) ?? '').split(opt.delimiter);
              const index = opt.index ?? 0;
              if (index >= parts.length) parts.push(String(value));
              else if (index < 0) parts.unshift(String(value));
              else parts[index] = String(value);
              next = parts.join(opt.delimiter);
            }
            (slot.parent as any)[slot.key] = next;
          }
        }
      }
    }
  }
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
