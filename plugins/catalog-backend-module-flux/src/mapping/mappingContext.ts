/**
 * What every step of the mapping needs besides the model: the options
 * resolved once, and where the problems it finds go.
 */
import type { EngineProblem } from '@flux-portal/kustomize';
import { CodeownerRule, parseCodeowners } from './codeowners';
import { defaultNamespaceRef, ownerRef } from './entityRefs';
import type { MonorepoModel } from '@flux-portal/flux-engine';
import { clusterNameOf } from './rules/clusterNames';
import { DEFAULT_MAPPING_RULES, MappingRules } from './rules/mappingRules';
import type { EntityMappingOptions, LocationAnnotator } from './types';
import { toEntityName } from './units/unitFolder';
import { isRecord } from './json';

/** Owner of what names none, when the options give no `defaultOwner`. */
const DEFAULT_OWNER = defaultNamespaceRef('group', 'platform-team');

export interface MappingContext {
  /** owner ref of entities that name none (annotation, CODEOWNERS) */
  defaultOwner: string;
  codeowners: CodeownerRule[];
  locate: LocationAnnotator;
  /** clusters to map; undefined for all */
  clusters?: ReadonlySet<string>;
  /** what could not be mapped as written, reported beside the entities */
  problems: EngineProblem[];
  rules: MappingRules;
  /** the cluster Resource name of an engine cluster (its entry folder's name) */
  clusterName(cluster: string): string;
}

export function mappingContext(
  options: EntityMappingOptions,
  model?: MonorepoModel,
): MappingContext {
  const rules = options.rules ?? DEFAULT_MAPPING_RULES;
  const names = model
    ? clusterNames(model, rules, options.clusterFallbackName)
    : new Map<string, string>();
  return {
    rules,
    clusterName: cluster => names.get(cluster) ?? cluster,
    defaultOwner: ownerRef(options.defaultOwner ?? DEFAULT_OWNER),
    codeowners: options.codeowners ? parseCodeowners(options.codeowners) : [],
    locate: options.locationAnnotations ?? (() => ({})),
    clusters: options.clusters?.length ? new Set(options.clusters) : undefined,
    problems: [],
  };
}

/** The substitution variables a cluster declares: ConfigMap data and Kustomizations' `postBuild.substitute`. */
function clusterVariables(
  model: MonorepoModel,
  cluster: string,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const { cluster: c, object } of model.objects) {
    if (c !== cluster) continue;
    const spec = object.spec;
    let data: unknown;
    if (object.kind === 'ConfigMap') data = object.data;
    else if (
      object.kind === 'Kustomization' &&
      isRecord(spec) &&
      isRecord(spec.postBuild)
    )
      data = spec.postBuild.substitute;
    if (!isRecord(data)) continue;
    for (const [k, v] of Object.entries(data))
      if (typeof v === 'string' && !out.has(k)) out.set(k, v);
  }
  return out;
}

/** Every cluster's Resource name (rules/clusterNames.ts), as an entity name. */
function clusterNames(
  model: MonorepoModel,
  rules: MappingRules,
  fallback: string | undefined,
): Map<string, string> {
  const names = new Map<string, string>();
  for (const entry of model.entries) {
    const name = clusterNameOf(
      entry,
      rules.clusterNames,
      clusterVariables(model, entry.cluster),
      fallback,
    );
    names.set(entry.cluster, toEntityName(name) || entry.cluster);
  }
  return names;
}
