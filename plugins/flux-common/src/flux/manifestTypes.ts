/**
 * Flux v2 object shapes as they appear in a Git repository. Only the fields
 * the portal reads are typed; everything is optional because repositories
 * contain hand-written, sometimes broken objects.
 */
import { ObjectMeta } from '../kube/ObjectMeta';

/** @public */
export interface CrossNamespaceRef {
  kind?: string;
  name?: string;
  namespace?: string;
  apiVersion?: string;
}

/** @public */
export interface DependsOnRef {
  name?: string;
  namespace?: string;
}

/** @public */
export interface PatchSelector {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  annotationSelector?: string;
  labelSelector?: string;
}

/** @public */
export interface SubstituteReference {
  kind?: 'ConfigMap' | 'Secret' | string;
  name?: string;
  optional?: boolean;
}

/** An entry of a Kustomization's spec.images (kustomize's image override). @public */
export interface ImageOverride {
  name?: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

/** spec.commonMetadata: labels and annotations put on every applied object. @public */
export interface CommonMetadata {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** Kustomization of kustomize.toolkit.fluxcd.io v1, v1beta2 and v1beta1. @public */
export interface FluxKustomization {
  apiVersion?: string;
  kind?: 'Kustomization';
  metadata?: ObjectMeta;
  spec?: {
    path?: string;
    sourceRef?: CrossNamespaceRef;
    dependsOn?: DependsOnRef[];
    interval?: string;
    targetNamespace?: string;
    prune?: boolean;
    suspend?: boolean;
    patches?: Array<{ patch?: string; target?: PatchSelector }>;
    /** v1beta2/v1beta1 only */
    patchesStrategicMerge?: unknown[];
    /** v1beta2/v1beta1 only */
    patchesJson6902?: Array<{ patch?: unknown[]; target?: PatchSelector }>;
    images?: ImageOverride[];
    components?: string[];
    commonMetadata?: CommonMetadata;
    postBuild?: {
      substitute?: Record<string, string>;
      substituteFrom?: SubstituteReference[];
    };
  };
}

/** @public */
export interface ValuesReference {
  kind?: 'ConfigMap' | 'Secret' | string;
  name?: string;
  valuesKey?: string;
  targetPath?: string;
  optional?: boolean;
}

/** HelmRelease of helm.toolkit.fluxcd.io v2, v2beta2 and v2beta1. @public */
export interface HelmRelease {
  apiVersion?: string;
  kind?: 'HelmRelease';
  metadata?: ObjectMeta;
  spec?: {
    chart?: {
      spec?: {
        chart?: string;
        version?: string;
        sourceRef?: CrossNamespaceRef;
      };
    };
    /** v2 and v2beta2: an OCIRepository or HelmChart */
    chartRef?: CrossNamespaceRef;
    dependsOn?: DependsOnRef[];
    interval?: string;
    releaseName?: string;
    targetNamespace?: string;
    suspend?: boolean;
    values?: Record<string, unknown>;
    valuesFrom?: ValuesReference[];
  };
}

/** @public */
export interface GitRepository {
  apiVersion?: string;
  kind?: 'GitRepository';
  metadata?: ObjectMeta;
  spec?: {
    url?: string;
    interval?: string;
    ref?: {
      branch?: string;
      tag?: string;
      semver?: string;
      name?: string;
      commit?: string;
    };
  };
}

/** @public */
export interface OCIRepository {
  apiVersion?: string;
  kind?: 'OCIRepository';
  metadata?: ObjectMeta;
  spec?: {
    url?: string;
    interval?: string;
    ref?: { tag?: string; semver?: string; digest?: string };
  };
}

/** @public */
export interface HelmRepository {
  apiVersion?: string;
  kind?: 'HelmRepository';
  metadata?: ObjectMeta;
  spec?: { url?: string; type?: 'default' | 'oci' | string; interval?: string };
}

/** @public */
export interface HelmChart {
  apiVersion?: string;
  kind?: 'HelmChart';
  metadata?: ObjectMeta;
  spec?: {
    chart?: string;
    version?: string;
    sourceRef?: CrossNamespaceRef;
    interval?: string;
  };
}

/** @public */
export interface Bucket {
  apiVersion?: string;
  kind?: 'Bucket';
  metadata?: ObjectMeta;
  spec?: {
    bucketName?: string;
    endpoint?: string;
    provider?: string;
    prefix?: string;
  };
}

/** @public */
export type FluxSourceObject =
  | GitRepository
  | OCIRepository
  | HelmRepository
  | HelmChart
  | Bucket;
