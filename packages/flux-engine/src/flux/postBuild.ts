/**
 * spec.postBuild of a Flux Kustomization: collects variables from
 * substituteFrom (ConfigMaps and Secrets found in the rendered repository, in
 * order, later ones winning) and substitute (inline, winning over all), then
 * substitutes every rendered object as kustomize-controller does: on the
 * object's YAML text, parsed back afterwards, skipping objects annotated or
 * labelled `kustomize.toolkit.fluxcd.io/substitute: disabled`.
 *
 * Secret values are never read: a variable coming from a Secret is replaced
 * by a placeholder naming the Secret and key, so no secret can reach the
 * model, the CLI output or a log.
 */
import { parse, stringify } from 'yaml';
import type {
  EngineProblem,
  RenderedObject,
  KubeObject,
} from '@flux-portal/kustomize';
import {
  DISABLED_VALUE,
  KUSTOMIZE_SUBSTITUTE_ANNOTATION,
} from '@flux-portal/plugin-flux-common';
import { envsubst, VARIABLE_NAME } from './envsubst';
import { problemAt } from './problem';
import type { KustomizationSpec, Origin } from './readFluxObjects';

/** The text put in place of a variable whose value lives in a Secret. @public */
export function secretPlaceholder(secretName: string, key: string): string {
  return `<secret:${secretName}/${key}>`;
}

/** ConfigMap data and Secret keys visible to substituteFrom and valuesFrom. @public */
export interface VariableSources {
  configMap(
    namespace: string,
    name: string,
  ): Record<string, string> | undefined;
  /** keys only: values are never handed out */
  secretKeys(namespace: string, name: string): string[] | undefined;
}

/** @public */
export interface PostBuildResult {
  objects: RenderedObject[];
  problems: EngineProblem[];
  /** names of all variables defined for this Kustomization */
  variables: string[];
  /** names of variables whose values come from Secrets (values withheld) */
  secretVariables: string[];
  /** non-optional substituteFrom references not found (yet) */
  missingSources: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function substitutionDisabled(obj: KubeObject): boolean {
  return (
    obj.metadata?.annotations?.[KUSTOMIZE_SUBSTITUTE_ANNOTATION] ===
      DISABLED_VALUE ||
    obj.metadata?.labels?.[KUSTOMIZE_SUBSTITUTE_ANNOTATION] === DISABLED_VALUE
  );
}

/** @public */
export function applyPostBuild(
  ks: KustomizationSpec,
  origin: Origin,
  objects: RenderedObject[],
  sources: VariableSources,
): PostBuildResult {
  const result: PostBuildResult = {
    objects,
    problems: [],
    variables: [],
    secretVariables: [],
    missingSources: [],
  };
  const postBuild = (ks.object.spec as Record<string, unknown> | undefined)
    ?.postBuild;
  if (postBuild === undefined || postBuild === null) return result;
  const what = `Kustomization ${ks.namespace}/${ks.name}`;
  const report = (
    code: string,
    message: string,
    at: Origin = origin,
    severity: 'error' | 'warning' = 'error',
  ) => result.problems.push(problemAt(code, at, message, severity));
  if (!isRecord(postBuild)) {
    report('flux-invalid', `${what}: spec.postBuild must be a mapping`);
    return result;
  }

  const vars = new Map<string, string>();
  const fromSecret = new Set<string>();
  const define = (name: string, value: string, secret: boolean) => {
    if (!VARIABLE_NAME.test(name)) {
      report(
        'substitute-invalid-name',
        `${what}: variable name '${name}' is invalid, it must match ${VARIABLE_NAME.source}`,
      );
      return;
    }
    vars.set(name, value);
    if (secret) fromSecret.add(name);
    else fromSecret.delete(name);
  };

  const refs = postBuild.substituteFrom ?? [];
  if (!Array.isArray(refs)) {
    report(
      'flux-invalid',
      `${what}: spec.postBuild.substituteFrom must be a list`,
    );
  } else {
    for (const ref of refs) {
      if (
        !isRecord(ref) ||
        (ref.kind !== 'ConfigMap' && ref.kind !== 'Secret') ||
        typeof ref.name !== 'string'
      ) {
        report(
          'flux-invalid',
          `${what}: substituteFrom entries need kind ConfigMap or Secret and a name`,
        );
        continue;
      }
      if (ref.kind === 'ConfigMap') {
        const data = sources.configMap(ks.namespace, ref.name);
        if (data) {
          for (const [k, v] of Object.entries(data)) define(k, v, false);
          continue;
        }
      } else {
        const keys = sources.secretKeys(ks.namespace, ref.name);
        if (keys) {
          for (const k of keys) define(k, secretPlaceholder(ref.name, k), true);
          continue;
        }
      }
      if (ref.optional !== true) {
        result.missingSources.push(`${ref.kind}/${ks.namespace}/${ref.name}`);
      }
    }
  }
  if (postBuild.substitute !== undefined) {
    if (!isRecord(postBuild.substitute)) {
      report(
        'flux-invalid',
        `${what}: spec.postBuild.substitute must be a mapping`,
      );
    } else {
      for (const [k, v] of Object.entries(postBuild.substitute)) {
        define(k, v === null || v === undefined ? '' : String(v), false);
      }
    }
  }
  result.variables = [...vars.keys()].sort();
  result.secretVariables = [...fromSecret].sort();
  if (vars.size === 0) return result;

  const lookup = (name: string) => vars.get(name);
  result.objects = objects.map(rendered => {
    if (substitutionDisabled(rendered.object)) return rendered;
    const text = stringify(rendered.object);
    if (!text.includes('$')) return rendered;
    const out = envsubst(text, lookup);
    const id = `${rendered.object.kind ?? '?'} ${
      rendered.object.metadata?.name ?? '?'
    }`;
    // expression text quoted from a Secret could carry part of its value
    const quote = (expression: string) =>
      rendered.object.kind === 'Secret' ? '(in a Secret value)' : expression;
    if (out.invalid.length) {
      report(
        'substitute-invalid',
        `${id}: malformed variable expression ${quote(
          out.invalid[0],
        )} (applied by ${what}); left unsubstituted`,
        rendered.origin,
      );
      return rendered;
    }
    if (out.unsupported.length) {
      report(
        'substitute-unsupported',
        `${id}: unsupported expression ${quote(
          out.unsupported.join(', '),
        )} left as written`,
        rendered.origin,
        'warning',
      );
    }
    if (out.missing.length) {
      report(
        'substitute-missing',
        `${id}: variable ${[...new Set(out.missing)].join(
          ', ',
        )} not defined for ${what}; substituted with ''`,
        rendered.origin,
        'warning',
      );
    }
    let object: unknown;
    try {
      object = parse(out.output);
    } catch (e) {
      object = undefined;
    }
    if (!isRecord(object)) {
      report(
        'substitute-invalid',
        `${id}: substitution by ${what} produced invalid YAML; left unsubstituted`,
        rendered.origin,
      );
      return rendered;
    }
    return { object: object as KubeObject, origin: rendered.origin };
  });
  return result;
}
