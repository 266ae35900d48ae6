import type { ModelHelmRelease, ModelObject } from '@flux-portal/flux-engine';

export type UnitRole = 'app' | 'infrastructure';

/** The rendered objects of one folder: what becomes one entity. */
export interface Unit {
  /** repository folder the unit's manifests live in */
  folder: string;
  /** identity: the folder, or `folder#release` for one of several HelmReleases in flat files of a folder */
  key: string;
  /** entity name */
  name: string;
  role: UnitRole;
  clusters: Set<string>;
  /** `namespace/name` of the Flux Kustomizations applying it */
  kustomizations: Set<string>;
  objects: ModelObject[];
  helmReleases: ModelHelmRelease[];
}
