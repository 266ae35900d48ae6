/**
 * Reads Flux objects from rendered manifests into plain records, checking the
 * fields the engine relies on. A bad object gives a problem naming its file
 * and line and is skipped; nothing here throws.
 */
import {
  FluxKustomization,
  FLUX_SYSTEM_NAMESPACE,
  ObjectKey,
  readCrossNamespaceRef,
  HELM_RELEASE_VERSIONS,
  HelmRelease,
  KUSTOMIZATION_SOURCE_KINDS,
  KUSTOMIZATION_VERSIONS,
  SourceKind,
  isFluxKustomization,
  isFluxSource,
  isHelmRelease,
  versionOf,
} from '@flux-portal/plugin-flux-common';
import {
  type EngineProblem,
  type KubeObject,
  resolveTreePath,
} from '@flux-portal/kustomize';
import { problemAt } from './problem';

/** @public */
export interface Origin {
  file: string;
  line: number;
}

/** @public */
export type ObjectRef = ObjectKey;

/** @public */
export interface NamespacedRef {
  namespace: string;
  name: string;
}

/** A Flux Kustomization as the engine uses it. @public */
export interface KustomizationSpec {
  namespace: string;
  name: string;
  /** normalised path inside its source, '' = source root */
  path: string;
  sourceRef: ObjectRef;
  dependsOn: NamespacedRef[];
  interval: string | null;
  targetNamespace: string | null;
  prune: boolean;
  suspend: boolean;
  /** the object as written (after the parent's substitution) */
  object: FluxKustomization;
}

/** @public */
export interface HelmReleaseSpec {
  namespace: string;
  name: string;
  chart: string | null;
  version: string | null;
  sourceRef: ObjectRef | null;
  chartRef: ObjectRef | null;
  dependsOn: NamespacedRef[];
  releaseName: string;
  targetNamespace: string | null;
  suspend: boolean;
  object: HelmRelease;
}

/** @public */
export interface SourceSpec {
  type: SourceKind;
  namespace: string;
  name: string;
  url: string | null;
  /** `branch:main`, `tag:v1.2.3`, `semver:>=1.0`, `digest:sha256:…`, `chart@version` for HelmChart */
  ref: string | null;
  /** HelmChart only */
  chart: string | null;
  version: string | null;
  object: KubeObject;
}

/** What reading a Flux object gave: its value when it could be read, and the problems found. @public */
export type Read<T> = { value?: T; problems: EngineProblem[] };

// A Flux object without a namespace lands where `flux` applies it.
const DEFAULT_NAMESPACE = FLUX_SYSTEM_NAMESPACE;

function metaOf(obj: KubeObject): { name?: string; namespace: string } {
  const name =
    typeof obj.metadata?.name === 'string' ? obj.metadata.name : undefined;
  const namespace =
    typeof obj.metadata?.namespace === 'string' && obj.metadata.namespace
      ? obj.metadata.namespace
      : DEFAULT_NAMESPACE;
  return { name, namespace };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readDependsOn(
  value: unknown,
  namespace: string,
  what: string,
  origin: Origin,
  problems: EngineProblem[],
): NamespacedRef[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push(
      problemAt(
        'flux-invalid',
        origin,
        `${what}: spec.dependsOn must be a list`,
      ),
    );
    return [];
  }
  const refs: NamespacedRef[] = [];
  for (const item of value) {
    if (!isRecord(item) || typeof item.name !== 'string' || !item.name) {
      problems.push(
        problemAt(
          'flux-invalid',
          origin,
          `${what}: every spec.dependsOn entry needs a name`,
        ),
      );
      continue;
    }
    refs.push({
      name: item.name,
      namespace:
        typeof item.namespace === 'string' && item.namespace
          ? item.namespace
          : namespace,
    });
  }
  return refs;
}

/** Normalises spec.path the way Flux joins it onto the source root. @public */
export function normaliseFluxPath(path: string): string {
  // Flux joins securely onto the artifact root: a leading '/' means the root
  return resolveTreePath('', path.replace(/^\/+/, ''));
}

/**
 * Name, namespace and spec of a Kustomization or HelmRelease; an unknown
 * version is read like the newest one, with a warning.
 */
export function readHeader(
  obj: KubeObject,
  origin: Origin,
  kind: string,
  versions: readonly string[],
  problems: EngineProblem[],
):
  | {
      name: string;
      namespace: string;
      what: string;
      spec: Record<string, unknown>;
    }
  | undefined {
  const { name, namespace } = metaOf(obj);
  const version = versionOf(obj.apiVersion) ?? '';
  if (!versions.includes(version)) {
    problems.push(
      problemAt(
        'flux-unknown-version',
        origin,
        `${kind} ${namespace}/${name ?? '?'}: unknown apiVersion ${
          obj.apiVersion
        }, read as ${versions[0]}`,
        'warning',
      ),
    );
  }
  if (!name) {
    problems.push(
      problemAt('flux-invalid', origin, `${kind} without metadata.name`),
    );
    return undefined;
  }
  const what = `${kind} ${namespace}/${name}`;
  if (!isRecord(obj.spec)) {
    problems.push(
      problemAt('flux-invalid', origin, `${what}: spec is missing`),
    );
    return undefined;
  }
  return { name, namespace, what, spec: obj.spec };
}

/** @public */
export function readKustomization(
  obj: KubeObject,
  origin: Origin,
): Read<KustomizationSpec> {
  const problems: EngineProblem[] = [];
  const header = readHeader(
    obj,
    origin,
    'Kustomization',
    KUSTOMIZATION_VERSIONS,
    problems,
  );
  if (!header) return { problems };
  const { name, namespace, what, spec } = header;
  const sourceRef = readCrossNamespaceRef(spec.sourceRef, namespace);
  if (!sourceRef) {
    problems.push(
      problemAt(
        'flux-invalid',
        origin,
        `${what}: spec.sourceRef needs kind and name`,
      ),
    );
    return { problems };
  }
  if (!KUSTOMIZATION_SOURCE_KINDS.includes(sourceRef.kind)) {
    problems.push(
      problemAt(
        'flux-invalid',
        origin,
        `${what}: spec.sourceRef.kind ${
          sourceRef.kind
        } is not one of ${KUSTOMIZATION_SOURCE_KINDS.join(', ')}`,
      ),
    );
    return { problems };
  }
  if (spec.path !== undefined && typeof spec.path !== 'string') {
    problems.push(
      problemAt('flux-invalid', origin, `${what}: spec.path must be a string`),
    );
    return { problems };
  }
  let path: string;
  try {
    path = normaliseFluxPath((spec.path as string | undefined) ?? '');
  } catch {
    problems.push(
      problemAt(
        'path-escape',
        origin,
        `${what}: spec.path '${spec.path}' escapes the source root`,
      ),
    );
    return { problems };
  }
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return {
    problems,
    value: {
      namespace,
      name,
      path,
      sourceRef,
      dependsOn: readDependsOn(
        spec.dependsOn,
        namespace,
        what,
        origin,
        problems,
      ),
      interval: str(spec.interval),
      targetNamespace: str(spec.targetNamespace),
      prune: spec.prune === true,
      suspend: spec.suspend === true,
      object: obj as FluxKustomization,
    },
  };
}

/**
 * What can be read of a Kustomization that readKustomization refused, so it
 * is still listed (with its problem) rather than vanishing: its name and
 * namespace, and the sourceRef and path as far as they are usable.
 * Undefined without a name: such an object cannot exist in a cluster.
 */
export function readRefusedKustomization(
  obj: KubeObject,
): KustomizationSpec | undefined {
  const { name, namespace } = metaOf(obj);
  if (!name) return undefined;
  const spec = isRecord(obj.spec) ? obj.spec : {};
  return {
    namespace,
    name,
    path: typeof spec.path === 'string' ? spec.path.replace(/^\.?\/+/, '') : '',
    sourceRef: readCrossNamespaceRef(spec.sourceRef, namespace) ?? {
      kind: 'unknown',
      name: '-',
      namespace,
    },
    dependsOn: [],
    interval: null,
    targetNamespace: null,
    prune: false,
    suspend: spec.suspend === true,
    object: obj as FluxKustomization,
  };
}

/** @public */
export function readHelmRelease(
  obj: KubeObject,
  origin: Origin,
): Read<HelmReleaseSpec> {
  const problems: EngineProblem[] = [];
  const header = readHeader(
    obj,
    origin,
    'HelmRelease',
    HELM_RELEASE_VERSIONS,
    problems,
  );
  if (!header) return { problems };
  const { name, namespace, what, spec } = header;
  const chartSpec =
    isRecord(spec.chart) && isRecord(spec.chart.spec)
      ? spec.chart.spec
      : undefined;
  const chartRef = readCrossNamespaceRef(spec.chartRef, namespace) ?? null;
  if (chartSpec && spec.chartRef !== undefined) {
    problems.push(
      problemAt(
        'flux-invalid',
        origin,
        `${what}: spec.chart and spec.chartRef are mutually exclusive`,
      ),
    );
  }
  let chart: string | null = null;
  let chartVersion: string | null = null;
  let sourceRef: ObjectRef | null = null;
  if (chartSpec) {
    chart = typeof chartSpec.chart === 'string' ? chartSpec.chart : null;
    sourceRef = readCrossNamespaceRef(chartSpec.sourceRef, namespace) ?? null;
    if (!chart || !sourceRef) {
      problems.push(
        problemAt(
          'flux-invalid',
          origin,
          `${what}: spec.chart.spec needs chart and sourceRef (kind, name)`,
        ),
      );
    }
    // Flux ignores the version for charts taken from a Git or Bucket path
    if (sourceRef?.kind === 'HelmRepository') {
      chartVersion =
        typeof chartSpec.version === 'string' && chartSpec.version
          ? chartSpec.version
          : null;
    }
  } else if (!chartRef) {
    problems.push(
      problemAt(
        'flux-invalid',
        origin,
        `${what}: needs spec.chart.spec or spec.chartRef (kind, name)`,
      ),
    );
  }
  const targetNamespace =
    typeof spec.targetNamespace === 'string' && spec.targetNamespace
      ? spec.targetNamespace
      : null;
  // helm-controller's default release name: [targetNamespace-]name
  let releaseName = targetNamespace ? `${targetNamespace}-${name}` : name;
  if (typeof spec.releaseName === 'string' && spec.releaseName) {
    releaseName = spec.releaseName;
  }
  return {
    problems,
    value: {
      namespace,
      name,
      chart,
      version: chartVersion,
      sourceRef,
      chartRef,
      dependsOn: readDependsOn(
        spec.dependsOn,
        namespace,
        what,
        origin,
        problems,
      ),
      releaseName,
      targetNamespace,
      suspend: spec.suspend === true,
      object: obj as HelmRelease,
    },
  };
}

function sourceRefText(
  kind: string,
  spec: Record<string, unknown>,
): string | null {
  const ref = isRecord(spec.ref) ? spec.ref : {};
  const keys =
    kind === 'GitRepository'
      ? ['commit', 'name', 'tag', 'semver', 'branch']
      : ['digest', 'tag', 'semver'];
  for (const key of keys) {
    if (typeof ref[key] === 'string' && ref[key]) return `${key}:${ref[key]}`;
  }
  return null;
}

/** @public */
export function readSource(obj: KubeObject, origin: Origin): Read<SourceSpec> {
  const problems: EngineProblem[] = [];
  const { name, namespace } = metaOf(obj);
  const type = obj.kind as SourceKind;
  if (!name) {
    problems.push(
      problemAt('flux-invalid', origin, `${type} without metadata.name`),
    );
    return { problems };
  }
  const what = `${type} ${namespace}/${name}`;
  const spec = isRecord(obj.spec) ? obj.spec : undefined;
  if (!spec) {
    problems.push(
      problemAt('flux-invalid', origin, `${what}: spec is missing`),
    );
    return { problems };
  }
  let url: string | null = null;
  let ref: string | null = null;
  let chart: string | null = null;
  let version: string | null = null;
  if (type === 'HelmChart') {
    chart = typeof spec.chart === 'string' ? spec.chart : null;
    version =
      typeof spec.version === 'string' && spec.version ? spec.version : null;
    if (
      typeof spec.chart !== 'string' ||
      !readCrossNamespaceRef(spec.sourceRef, namespace)
    ) {
      problems.push(
        problemAt(
          'flux-invalid',
          origin,
          `${what}: needs spec.chart and spec.sourceRef`,
        ),
      );
    }
    ref =
      typeof spec.chart === 'string'
        ? `${spec.chart}@${
            typeof spec.version === 'string' ? spec.version : '*'
          }`
        : null;
  } else if (type === 'Bucket') {
    const endpoint = typeof spec.endpoint === 'string' ? spec.endpoint : '';
    const bucket = typeof spec.bucketName === 'string' ? spec.bucketName : '';
    if (!endpoint || !bucket) {
      problems.push(
        problemAt(
          'flux-invalid',
          origin,
          `${what}: needs spec.endpoint and spec.bucketName`,
        ),
      );
    }
    url = endpoint && bucket ? `${endpoint}/${bucket}` : null;
  } else {
    if (typeof spec.url !== 'string' || !spec.url) {
      problems.push(
        problemAt('flux-invalid', origin, `${what}: spec.url is missing`),
      );
    } else {
      url = spec.url;
    }
    if (type !== 'HelmRepository') ref = sourceRefText(type, spec);
  }
  return {
    problems,
    value: { type, namespace, name, url, ref, chart, version, object: obj },
  };
}

/** @public */
export type FluxObjectClass =
  | 'kustomization'
  | 'helmrelease'
  | 'source'
  | undefined;

/** @public */
export function classify(obj: KubeObject): FluxObjectClass {
  if (isFluxKustomization(obj)) return 'kustomization';
  if (isHelmRelease(obj)) return 'helmrelease';
  if (isFluxSource(obj)) return 'source';
  return undefined;
}
