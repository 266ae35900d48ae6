/**
 * The mapping rules a provider can configure
 * (`catalog.providers.fluxMonorepo.<id>.mapping`, see config.d.ts and the
 * README's table), read from plain JSON so the catalog module and the
 * `flux-portal entities --config` command read them with the same code.
 */

/** Where an entity's owner comes from, tried in order. @public */
export type OwnerSource = 'annotation' | 'codeowners' | `label:${string}`;

/** @public */
export interface EntityOverride {
  kind?: 'Component' | 'Resource';
  /** the Component's or Resource's `spec.type` */
  type?: string;
}

/** @public */
export interface MappingRules {
  /**
   * Folders whose sub-folders are apps, one entity each
   * (`kubernetes/apps/*`: `*` matches one folder, here the namespace).
   */
  appsRoots: string[];
  /** Folders whose sub-folders are infrastructure, one Resource each. */
  infrastructureRoots: string[];
  /** By entity name: its kind and type, whatever was inferred. */
  overrides: Record<string, EntityOverride>;
  /** Where owners come from, in order; `defaultOwner` after them. */
  ownerSources: OwnerSource[];
  /**
   * Cluster Resource names by cluster folder name or entry folder
   * (`clusters/prod` → `prod-eu`, `kubernetes/flux/cluster` → `home`).
   */
  clusterNames: Record<string, string>;
}

export const DEFAULT_OWNER_SOURCES: OwnerSource[] = [
  'annotation',
  'codeowners',
];

/** @public */
export const DEFAULT_MAPPING_RULES: MappingRules = {
  appsRoots: [],
  infrastructureRoots: [],
  overrides: {},
  ownerSources: DEFAULT_OWNER_SOURCES,
  clusterNames: {},
};

/** A mapping value that is not what config.d.ts declares; the message names the key. @public */
export class MappingRulesError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const ENTITY_NAME = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/i;

function stringList(value: unknown, key: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string' || !v))
    throw new MappingRulesError(`${key} must be a list of folder paths`);
  return value.map(v => (v as string).replace(/^\.\//, '').replace(/\/+$/, ''));
}

function stringMap(value: unknown, key: string): Record<string, string> {
  if (value === undefined) return {};
  if (!isObject(value))
    throw new MappingRulesError(`${key} must be a map of names`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string' || !ENTITY_NAME.test(v) || v.length > 63)
      throw new MappingRulesError(
        `${key}.${k} must be an entity name (letters, digits, - _ .), got ${JSON.stringify(
          v,
        )}`,
      );
    out[k] = v;
  }
  return out;
}

function overrides(
  value: unknown,
  key: string,
): Record<string, EntityOverride> {
  if (value === undefined) return {};
  if (!isObject(value))
    throw new MappingRulesError(`${key} must be a map of entity names`);
  const out: Record<string, EntityOverride> = {};
  for (const [name, v] of Object.entries(value)) {
    if (!isObject(v))
      throw new MappingRulesError(`${key}.${name} must be { kind, type }`);
    const { kind, type, ...rest } = v;
    if (Object.keys(rest).length)
      throw new MappingRulesError(
        `${key}.${name} has unknown field(s) ${Object.keys(rest).join(', ')}`,
      );
    if (kind !== undefined && kind !== 'Component' && kind !== 'Resource')
      throw new MappingRulesError(
        `${key}.${name}.kind must be Component or Resource, got ${JSON.stringify(
          kind,
        )}`,
      );
    if (type !== undefined && (typeof type !== 'string' || !type))
      throw new MappingRulesError(`${key}.${name}.type must be a string`);
    out[name] = { kind, type: type as string | undefined };
  }
  return out;
}

function ownerSources(value: unknown, key: string): OwnerSource[] {
  if (value === undefined) return DEFAULT_OWNER_SOURCES;
  if (
    !Array.isArray(value) ||
    value.some(
      v =>
        v !== 'annotation' &&
        v !== 'codeowners' &&
        !(typeof v === 'string' && /^label:\S+$/.test(v)),
    )
  )
    throw new MappingRulesError(
      `${key} must list annotation, codeowners or label:<key>, got ${JSON.stringify(
        value,
      )}`,
    );
  return value as OwnerSource[];
}

/** Reads `mapping` (undefined gives the defaults); `key` is the config key for messages. @public */
export function parseMappingRules(value: unknown, key: string): MappingRules {
  if (value === undefined || value === null) return DEFAULT_MAPPING_RULES;
  if (!isObject(value)) throw new MappingRulesError(`${key} must be a map`);
  const known = new Set([
    'appsRoots',
    'infrastructureRoots',
    'overrides',
    'ownerSources',
    'clusterNames',
  ]);
  const unknown = Object.keys(value).filter(k => !known.has(k));
  if (unknown.length)
    throw new MappingRulesError(
      `${key} has unknown key(s) ${unknown.join(', ')}`,
    );
  return {
    appsRoots: stringList(value.appsRoots, `${key}.appsRoots`),
    infrastructureRoots: stringList(
      value.infrastructureRoots,
      `${key}.infrastructureRoots`,
    ),
    overrides: overrides(value.overrides, `${key}.overrides`),
    ownerSources: ownerSources(value.ownerSources, `${key}.ownerSources`),
    clusterNames: stringMap(value.clusterNames, `${key}.clusterNames`),
  };
}

/**
 * The folder a configured root gives a file: the root (with `*` matching
 * one folder) plus the next folder, or undefined when the file is not below
 * a root. `kubernetes/apps/*` and `kubernetes/apps/media/plex/app/hr.yaml`
 * give `kubernetes/apps/media/plex`.
 */
export function folderUnderRoot(
  file: string,
  roots: ReadonlyArray<string>,
): string | undefined {
  const parts = file.split('/');
  for (const root of roots) {
    const rootParts = root ? root.split('/') : [];
    if (parts.length < rootParts.length + 2) continue;
    if (rootParts.every((r, i) => r === '*' || r === parts[i]))
      return parts.slice(0, rootParts.length + 1).join('/');
  }
  return undefined;
}
