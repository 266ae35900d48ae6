import { EXTERNAL_ARTIFACT_KIND } from '@flux-portal/plugin-flux-common';
import type { ArtifactGeneratorSpec, GeneratedArtifacts } from '../artifacts';
import { sourceKey } from '../sources';
import type { FollowedArtifact, Located } from './types';

/** The ExternalArtifacts a generator declares, as the model lists them. */
export function describeArtifacts(
  generator: ArtifactGeneratorSpec,
  generated: GeneratedArtifacts,
  definedAt: Located,
): FollowedArtifact[] {
  const byAlias = new Map(generator.sources.map(s => [s.alias, sourceKey(s)]));
  const aliasOf = (ref: string) => byAlias.get(ref.replace(/^@/, '')) ?? null;
  return generator.artifacts.map(artifact => {
    const key = sourceKey({
      kind: EXTERNAL_ARTIFACT_KIND,
      namespace: generator.namespace,
      name: artifact.name,
    });
    const read = artifact.copy
      .map(op => aliasOf(/^@[^/]+/.exec(op.from)?.[0] ?? ''))
      .filter((k): k is string => k !== null);
    const reason = generated.notGenerated.get(key) ?? null;
    return {
      namespace: generator.namespace,
      name: artifact.name,
      generator: `${generator.namespace}/${generator.name}`,
      definedAt,
      sources: [...new Set(read)],
      originRevision: artifact.originRevision
        ? aliasOf(artifact.originRevision)
        : null,
      generated: reason === null,
      reason,
    };
  });
}
