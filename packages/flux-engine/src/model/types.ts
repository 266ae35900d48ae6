import type { SourceKind } from '@flux-portal/plugin-flux-common';
import type { EngineProblem, KubeObject } from '@flux-portal/kustomize';

/** @public */
export interface ModelRef {
  kind: string;
  namespace: string;
  name: string;
}

/** @public */
export interface ModelNamespacedName {
  namespace: string;
  name: string;
}

/** Where an object or Flux definition comes from. @public */
export interface ModelLocation {
  /** 'GitRepository/flux-system/flux-system': the source holding the file */
  source: string;
  /** path inside that source's tree */
  file: string;
  line: number;
}

/** @public */
export interface ModelKustomization {
  cluster: string;
  namespace: string;
  name: string;
  /** repo-relative (source-relative) path, no leading './'; '' = root */
  path: string;
  sourceRef: ModelRef;
  dependsOn: ModelNamespacedName[];
  interval: string | null;
  targetNamespace: string | null;
  prune: boolean;
  suspend: boolean;
  /** 'rendered', 'external' (unmapped source), 'path-not-found', 'not-rendered', 'invalid' (refused as written) */
  status: string;
  /** why it was not rendered; when rendered, a note on how its source was taken (else null) */
  reason: string | null;
  /**
   * the folder rendered, in its source's tree; for an ExternalArtifact the
   * repository folder it was copied from (null when not rendered)
   */
  renderedPath: string | null;
  /** 'namespace/name' of the Kustomization whose output holds this one; null = entry folder */
  appliedBy: string | null;
  definedAt: ModelLocation;
  /** post-build variable names; values from Secrets are never included */
  substitutions: { variables: string[]; fromSecrets: string[] };
  objectCount: number;
}

/** @public */
export interface ModelValuesSource {
  kind: string;
  name: string;
  valuesKey: string;
  targetPath: string | null;
  /** 'merged', 'secret-withheld', 'missing', 'optional-missing', 'invalid' */
  status: string;
}

/** @public */
export interface ModelHelmRelease {
  cluster: string;
  namespace: string;
  name: string;
  chart: string | null;
  /** null when none applies (e.g. a chart from a Git path) */
  version: string | null;
  /** chart.spec.sourceRef, or the chartRef target */
  sourceRef: ModelRef | null;
  chartRef: ModelRef | null;
  dependsOn: ModelNamespacedName[];
  releaseName: string;
  targetNamespace: string | null;
  suspend: boolean;
  /** valuesFrom ConfigMaps merged in order, inline values last; Secrets never */
  values: Record<string, unknown>;
  valuesFrom: ModelValuesSource[];
  appliedBy: string | null;
  definedAt: ModelLocation;
}

/** @public */
export interface ModelSource {
  cluster: string;
  type: SourceKind;
  namespace: string;
  name: string;
  url: string | null;
  ref: string | null;
  /** HelmChart only: its chart and version (null when not set) */
  chart: string | null;
  version: string | null;
  /** for Git/OCI/Bucket sources: mapped to a local folder, or external */
  local: boolean;
  appliedBy: string | null;
  definedAt: ModelLocation;
}

/** @public */
export interface ModelExternalSource {
  cluster: string;
  kind: string;
  namespace: string;
  name: string;
  url: string | null;
  /** 'namespace/name' of the Kustomizations reading it */
  referencedBy: string[];
}

/** An ExternalArtifact an ArtifactGenerator of the repository declares (Flux ≥ 2.7). @public */
export interface ModelArtifact {
  cluster: string;
  namespace: string;
  name: string;
  /** 'namespace/name' of the ArtifactGenerator */
  generator: string;
  definedAt: ModelLocation;
  /** keys ('Kind/namespace/name') of the sources its files are copied from */
  sources: string[];
  /** key of the source whose revision it reports as its origin (originRevision) */
  originRevision: string | null;
  /** generated from this tree; false when its sources are not here or a copy failed */
  generated: boolean;
  reason: string | null;
}

/** @public */
export interface ModelObject {
  cluster: string;
  object: KubeObject;
  provenance: {
    /** 'namespace/name' of the Flux Kustomization applying it; null = only in the entry folder */
    kustomization: string | null;
  } & ModelLocation;
}

/** @public */
export interface MonorepoModel {
  /** entry folder(s) loaded, one per cluster */
  entries: Array<{ cluster: string; path: string }>;
  kustomizations: ModelKustomization[];
  helmReleases: ModelHelmRelease[];
  sources: ModelSource[];
  externalSources: ModelExternalSource[];
  /** ExternalArtifacts of the repository's ArtifactGenerators */
  artifacts: ModelArtifact[];
  objects: ModelObject[];
  /** remote kustomize resources recorded, never fetched */
  unresolved: Array<{ file: string; line?: number; reference: string }>;
  problems: EngineProblem[];
}
