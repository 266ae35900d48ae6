/**
 * Every annotation key the portal writes on catalog entities or reads from
 * the monorepo's manifests, defined once so the catalog module, the
 * frontend, the backend and the CLI agree on names and value formats. Each
 * key says its value format and the helpers that write (format…) and read
 * (parse…) it; plain strings have none.
 */

// ---- written on catalog entities by the catalog module ---------------------

/** Cluster names (`clusters/<name>/`) the entity runs on: `parseClusters`/`formatClusters`. @public */
export const ANNOTATION_CLUSTERS = 'flux-portal.io/clusters';
/** `namespace/name` of the Flux Kustomization that applies the entity: `parseNamespacedName`/`formatNamespacedName`. @public */
export const ANNOTATION_KUSTOMIZATION = 'flux-portal.io/kustomization';
/**
 * How many catalog entities the Kustomization of ANNOTATION_KUSTOMIZATION
 * deploys (this one included), so status can tell a shared deployer from
 * the entity's own: `parseSharedBy`/`formatSharedBy`.
 * @public
 */
export const ANNOTATION_KUSTOMIZATION_SHARED_BY =
  'flux-portal.io/kustomization-shared-by';
/** `namespace/name` of the entity's HelmRelease: `parseNamespacedName`/`formatNamespacedName`. @public */
export const ANNOTATION_HELM_RELEASE = 'flux-portal.io/helm-release';
/** `kind/namespace/name` of the entity's workloads (`kind//name` cluster-scoped): `parseWorkloads`/`formatWorkloads`. @public */
export const ANNOTATION_WORKLOADS = 'flux-portal.io/workloads';
/** The HelmRelease's chart as `chart@version`: `parseChart`/`formatChart`. @public */
export const ANNOTATION_CHART = 'flux-portal.io/chart';
/** Backstage's key used by the Kubernetes plugin to find objects (plain string). @public */
export const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';
/** Backstage's Kubernetes plugin selector: `parseEqualitySelector`/`formatEqualitySelector`. @public */
export const ANNOTATION_KUBERNETES_LABEL_SELECTOR =
  'backstage.io/kubernetes-label-selector';
/** Backstage's Kubernetes plugin namespace, when the entity has exactly one (plain string). @public */
export const ANNOTATION_KUBERNETES_NAMESPACE =
  'backstage.io/kubernetes-namespace';

// ---- set on manifests (workload, HelmRelease or Namespace), read by the catalog

/** Owner as written in the repository: a team name or an entity reference (plain string). @public */
export const ANNOTATION_OWNER = 'flux-portal.io/owner';
/** The entity's description (plain string). @public */
export const ANNOTATION_DESCRIPTION = 'flux-portal.io/description';
/** A service's lifecycle, e.g. `production`, `experimental` (plain string). @public */
export const ANNOTATION_LIFECYCLE = 'flux-portal.io/lifecycle';
/** What the entity is in the monorepo, overriding the inferred type, e.g. `database` (plain string). @public */
export const ANNOTATION_RESOURCE_TYPE = 'flux-portal.io/resource-type';
/**
 * The entity a manifest belongs to, by name: objects carrying it form that
 * entity wherever their folders are (the first rule of what an entity is). @public
 */
export const ANNOTATION_ENTITY = 'flux-portal.io/entity';
/** `infrastructure` (a Resource) or `app` (a Component), overriding what is inferred (plain string). @public */
export const ANNOTATION_ROLE = 'flux-portal.io/role';
/** The System the entity belongs to, always made even for a group of one (plain string). @public */
export const ANNOTATION_SYSTEM = 'flux-portal.io/system';
/** Entity references the entity depends on, beyond what can be inferred: `parseEntityRefs`/`formatEntityRefs`. @public */
export const ANNOTATION_DEPENDS_ON = 'flux-portal.io/depends-on';
