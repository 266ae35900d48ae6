/**
 * The catalog entities the mapping produces: structurally Backstage's
 * `Entity`, narrowed to what the mapping writes (its four kinds, string
 * annotations), so callers such as the CLI read them without casts; the
 * catalog module passes them to the catalog as they are.
 */
/** JSON values, as Backstage's `JsonObject` declares them. @public */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | JsonObject;
/** @public */
export type JsonObject = { [key in string]?: JsonValue };

import type { MappingRules } from './rules/mappingRules';

/** @public */
export interface CatalogEntity {
  apiVersion: 'backstage.io/v1alpha1';
  kind: 'Component' | 'Resource' | 'System' | 'API';
  metadata: {
    name: string;
    namespace?: string;
    title?: string;
    description?: string;
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
    tags?: string[];
    links?: Array<{ url: string; title?: string }>;
  };
  spec: JsonObject;
}

/** Where an entity's folder lives, turned into Backstage location annotations by the caller. @public */
export type LocationAnnotator = (
  folder: string,
  file: string | undefined,
) => Record<string, string>;

/** @public */
export interface EntityMappingOptions {
  /** Owner for entities that name none (annotation, CODEOWNERS). Default `group:default/platform-team`. */
  defaultOwner?: string;
  /** Clusters to ingest (their folder names); default all. */
  clusters?: string[];
  /** Text of the repository's CODEOWNERS file, when it has one. */
  codeowners?: string;
  /** Adds location annotations (managed-by, source-location, view/edit URLs) for a folder. */
  locationAnnotations?: LocationAnnotator;
  /** The provider's mapping rules (`mapping`); default: none configured. */
  rules?: MappingRules;
  /**
   * The cluster name when nothing else names a single-entry layout's
   * cluster (rules/clusterNames.ts): the provider id, the CLI's repository
   * folder. Default `default`.
   */
  clusterFallbackName?: string;
}

/** Why an entity depends on another: shown in the graph, and useful in tests. @public */
export type DependencyReason =
  | 'dns'
  | 'helm-depends-on'
  | 'kustomization-depends-on'
  | 'sidecar'
  | 'storage-class'
  | 'route'
  | 'ingress'
  | 'secret'
  | 'secret-store'
  | 'config-map'
  | 'values-from'
  | 'certificate'
  | 'annotation'
  | 'cluster';

/** @public */
export interface EntityDependency {
  from: string;
  to: string;
  reason: DependencyReason;
  /** the value or object that revealed it (never a secret: secrets are not read) */
  evidence: string;
}
