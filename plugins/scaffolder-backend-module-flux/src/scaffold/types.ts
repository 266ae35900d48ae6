/**
 * Specs the scaffold generators turn into monorepo files. They are plain
 * data so the example repository, the scaffolder and tests share one source
 * of truth for what a service or a component looks like.
 */

/** How a service authenticates to Vault. @public */
export type VaultAuthMethod = 'kubernetes' | 'approle';

/** Which identity provider issues the tokens a service validates. @public */
export type OidcProvider = 'keycloak' | 'zitadel';

/** A REST call to another in-cluster service. @public */
export interface RestCall {
  /** Service name; also its namespace unless `namespace` is given. */
  service: string;
  namespace?: string;
  /** Defaults to the business-service port, 8080. */
  port?: number;
  /** Path appended to the base URL, e.g. `/engine-rest`. */
  path?: string;
}

/** Typed connections of a business service; each becomes env vars. @public */
export interface AppConnections {
  /** PostgreSQL database (and role) the service owns. */
  postgres?: { database: string; user?: string };
  /** Redis logical database index. */
  redis?: { db: number };
  /** Bucket the service reads and writes through the S3 proxy. */
  s3?: { bucket: string };
  vault?: { authMethod: VaultAuthMethod; role: string; kvPath: string };
  oidc?: { provider: OidcProvider; clientId: string };
  kafka?: { produce?: string[]; consume?: string[] };
  rabbitmq?: { publish?: string[]; consume?: string[] };
  rest?: RestCall[];
}

/** CPU and memory of the service container. @public */
export interface AppResources {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}

/** A business service under `apps/<name>/`. @public */
export interface AppSpec {
  /** Service, Deployment and namespace name (DNS-1123 label). */
  name: string;
  /** `app.kubernetes.io/part-of`, the map's group, e.g. `business-services`. */
  partOf: string;
  /** `app.kubernetes.io/component`, e.g. `backend`, `frontend`, `worker`. */
  component: string;
  /** Owner reference, e.g. `group:default/team-documents`. */
  owner: string;
  description: string;
  /** Full image reference including the tag. */
  image: string;
  /** Container and Service port. */
  port: number;
  /** Replicas of the base; the cluster patch may change them. */
  replicas: number;
  /** Replicas set by `patches/replicas.yaml`. */
  patchedReplicas: number;
  /** Labels the namespace for Istio sidecar injection. */
  istioInjection?: boolean;
  resources?: AppResources;
  connections: AppConnections;
}

/** One HelmRepository the cluster needs. @public */
export interface HelmRepositorySpec {
  name: string;
  url: string;
  /** `oci` for OCI registries; omitted for classic index.yaml repositories. */
  type?: 'oci';
  interval?: string;
  /** Written as a `#` comment above the object, e.g. what a mirror mirrors. */
  comment?: string;
}

/** A `clusters/<name>/` entry point. @public */
export interface ClusterSpec {
  name: string;
  gitUrl: string;
  branch: string;
  helmRepositories: HelmRepositorySpec[];
}

/** An infrastructure component installed from a Helm chart. @public */
export interface InfraComponentSpec {
  name: string;
  namespace: string;
  /** Write `base/namespace.yaml`; false when another component owns it. */
  createNamespace: boolean;
  partOf: string;
  component: string;
  owner: string;
  description: string;
  chart: string;
  version: string;
  /** Name of a HelmRepository in `flux-system`. */
  repository: string;
  values: Record<string, unknown>;
  dependsOn?: Array<{ name: string; namespace: string }>;
  istioInjection?: boolean;
  /** Values set by `patches/values.yaml` on top of the base values. */
  patchValues?: Record<string, unknown>;
}
