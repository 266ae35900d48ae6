/**
 * A HelmRelease's effective values as helm-controller composes them:
 * valuesFrom entries merged in order (a whole YAML document, or one value at
 * targetPath), then the inline spec.values merged last. Only ConfigMaps found
 * in the rendered repository are read; Secrets are listed but never read.
 */
import { parse } from 'yaml';
import type { EngineProblem } from '@flux-portal/kustomize';
import type { ConfigIndex } from '../flux/ConfigIndex';
import type { HelmReleaseSpec, Origin } from '../flux/readFluxObjects';
import type { ModelValuesSource } from './types';

/** A HelmRelease's values, as YAML gives them. @public */
export type Values = Record<string, unknown>;

function isRecord(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Helm's merge: maps merge recursively, anything else is replaced. @public */
export function mergeValues(base: Values, override: Values): Values {
  const out: Values = { ...base };
  for (const [k, v] of Object.entries(override)) {
    out[k] =
      isRecord(v) && isRecord(out[k]) ? mergeValues(out[k] as Values, v) : v;
  }
  return out;
}

/** Sets `value` at a dotted path ('a.b\.c' = keys 'a' then 'b.c'). */
function setAtPath(values: Values, path: string, value: unknown): Values {
  const keys = path.split(/(?<!\\)\./).map(k => k.replace(/\\\./g, '.'));
  const patch: Values = {};
  let cursor = patch;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) cursor[key] = value;
    else cursor = (cursor[key] = {}) as Values;
  });
  return mergeValues(values, patch);
}

/** @public */
export function composeValues(
  hr: HelmReleaseSpec,
  origin: Origin,
  configs: ConfigIndex,
): {
  values: Values;
  valuesFrom: ModelValuesSource[];
  problems: EngineProblem[];
} {
  const spec = (hr.object.spec ?? {}) as Record<string, unknown>;
  const problems: EngineProblem[] = [];
  const what = `HelmRelease ${hr.namespace}/${hr.name}`;
  const report = (
    code: string,
    message: string,
    severity: 'error' | 'warning',
  ) =>
    problems.push({
      code,
      severity,
      file: origin.file,
      line: origin.line,
      message,
    });
  let values: Values = {};
  const valuesFrom: ModelValuesSource[] = [];
  const refs = spec.valuesFrom ?? [];
  if (!Array.isArray(refs)) {
    report('flux-invalid', `${what}: spec.valuesFrom must be a list`, 'error');
  } else {
    for (const ref of refs) {
      if (
        !isRecord(ref) ||
        typeof ref.name !== 'string' ||
        typeof ref.kind !== 'string'
      ) {
        report(
          'flux-invalid',
          `${what}: valuesFrom entries need kind and name`,
          'error',
        );
        continue;
      }
      const entry: ModelValuesSource = {
        kind: ref.kind,
        name: ref.name,
        valuesKey:
          typeof ref.valuesKey === 'string' ? ref.valuesKey : 'values.yaml',
        targetPath: typeof ref.targetPath === 'string' ? ref.targetPath : null,
        status: 'merged',
      };
      valuesFrom.push(entry);
      if (ref.kind === 'Secret') {
        entry.status = 'secret-withheld';
        continue;
      }
      if (ref.kind !== 'ConfigMap') {
        entry.status = 'invalid';
        report(
          'flux-invalid',
          `${what}: valuesFrom kind ${ref.kind} is not ConfigMap or Secret`,
          'error',
        );
        continue;
      }
      const data = configs.configMap(hr.namespace, ref.name)?.[entry.valuesKey];
      if (data === undefined) {
        entry.status = ref.optional === true ? 'optional-missing' : 'missing';
        if (ref.optional !== true) {
          report(
            'values-source-missing',
            `${what}: valuesFrom ConfigMap ${hr.namespace}/${ref.name} key ${entry.valuesKey} not found in the repository`,
            'warning',
          );
        }
        continue;
      }
      if (entry.targetPath) {
        values = setAtPath(values, entry.targetPath, data);
        continue;
      }
      let parsed: unknown;
      try {
        parsed = parse(data);
      } catch {
        parsed = undefined;
      }
      if (parsed === null || parsed === undefined) continue;
      if (!isRecord(parsed)) {
        entry.status = 'invalid';
        report(
          'values-invalid',
          `${what}: ConfigMap ${ref.name} key ${entry.valuesKey} is not a YAML mapping`,
          'error',
        );
        continue;
      }
      values = mergeValues(values, parsed);
    }
  }
  if (spec.values !== undefined && spec.values !== null) {
    if (isRecord(spec.values)) values = mergeValues(values, spec.values);
    else
      report('flux-invalid', `${what}: spec.values must be a mapping`, 'error');
  }
  return { values, valuesFrom, problems };
}
