/**
 * An ArtifactGenerator (source.extensions.fluxcd.io/v1beta1) as source-watcher
 * validates it: sources with unique aliases, artifacts with unique names and
 * copy operations `@alias/pattern` → `@artifact/path`.
 */
import type { EngineProblem, KubeObject } from '@flux-portal/kustomize';
import { readCrossNamespaceRef } from '@flux-portal/plugin-flux-common';
import { problemAt } from '../problem';
import { isRecord, Origin, readHeader } from '../readFluxObjects';

/** What an ArtifactGenerator may take files from. */
export const GENERATOR_SOURCE_KINDS: readonly string[] = [
  'GitRepository',
  'OCIRepository',
  'Bucket',
  'HelmChart',
  'ExternalArtifact',
];

export interface GeneratorSource {
  alias: string;
  kind: string;
  name: string;
  namespace: string;
}

export interface CopyOperation {
  /** `@alias/pattern` as written */
  from: string;
  /** `@artifact/path` as written */
  to: string;
  exclude: string[];
  /** Overwrite (default), Merge or Extract */
  strategy: string;
  optional: boolean;
}

export interface OutputArtifact {
  name: string;
  /** `@alias` whose revision the artifact reports as its origin */
  originRevision: string | null;
  /** `@alias` whose revision the artifact takes (else `latest@<digest>`) */
  revision: string | null;
  copy: CopyOperation[];
}

export interface ArtifactGeneratorSpec {
  namespace: string;
  name: string;
  sources: GeneratorSource[];
  artifacts: OutputArtifact[];
}

const ALIAS = /^[A-Za-z0-9_-]+$/;
const VERSIONS = ['v1beta1'];

export function readArtifactGenerator(
  obj: KubeObject,
  origin: Origin,
): { value?: ArtifactGeneratorSpec; problems: EngineProblem[] } {
  const problems: EngineProblem[] = [];
  const header = readHeader(
    obj,
    origin,
    'ArtifactGenerator',
    VERSIONS,
    problems,
  );
  if (!header) return { problems };
  const { name, namespace, what, spec } = header;
  const invalid = (message: string) =>
    problems.push(problemAt('flux-invalid', origin, `${what}: ${message}`));

  const sources: GeneratorSource[] = [];
  for (const item of Array.isArray(spec.sources) ? spec.sources : []) {
    const ref = readCrossNamespaceRef(item, namespace);
    const alias = isRecord(item) ? item.alias : undefined;
    if (!ref || typeof alias !== 'string' || !ALIAS.test(alias)) {
      invalid(
        'a spec.sources entry needs alias (letters, digits, - and _), kind and name',
      );
      continue;
    }
    if (!GENERATOR_SOURCE_KINDS.includes(ref.kind)) {
      invalid(
        `source @${alias}: kind ${
          ref.kind
        } is not one of ${GENERATOR_SOURCE_KINDS.join(', ')}`,
      );
      continue;
    }
    if (sources.some(s => s.alias === alias)) {
      invalid(`source alias @${alias} is used twice`);
      continue;
    }
    sources.push({ alias, ...ref });
  }
  if (sources.length === 0) invalid('spec.sources is empty');

  const artifacts: OutputArtifact[] = [];
  for (const item of Array.isArray(spec.artifacts) ? spec.artifacts : []) {
    if (!isRecord(item) || typeof item.name !== 'string' || !item.name) {
      invalid('a spec.artifacts entry needs a name');
      continue;
    }
    if (artifacts.some(a => a.name === item.name)) {
      invalid(`artifact ${item.name} is defined twice`);
      continue;
    }
    const copy: CopyOperation[] = [];
    for (const op of Array.isArray(item.copy) ? item.copy : []) {
      if (
        !isRecord(op) ||
        typeof op.from !== 'string' ||
        typeof op.to !== 'string'
      ) {
        invalid(`artifact ${item.name}: a copy entry needs from and to`);
        continue;
      }
      copy.push({
        from: op.from,
        to: op.to,
        exclude: Array.isArray(op.exclude)
          ? op.exclude.filter((e): e is string => typeof e === 'string')
          : [],
        strategy: typeof op.strategy === 'string' ? op.strategy : 'Overwrite',
        optional: op.optional === true,
      });
    }
    const aliasRef = (v: unknown) => (typeof v === 'string' && v ? v : null);
    artifacts.push({
      name: item.name,
      originRevision: aliasRef(item.originRevision),
      revision: aliasRef(item.revision),
      copy,
    });
  }
  if (artifacts.length === 0) invalid('spec.artifacts is empty');
  return { value: { namespace, name, sources, artifacts }, problems };
}
