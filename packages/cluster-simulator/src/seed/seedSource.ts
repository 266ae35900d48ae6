/**
 * A source's status as source-controller leaves it: Ready and
 * ArtifactInStorage with an artifact of the kind's revision format, and a
 * NewArtifact (ChartPullSucceeded for charts) Event.
 */
import {
  FluxConditionReason as Reason,
  FluxConditionType as Condition,
  SOURCE_VERIFIED_CONDITION,
} from '@flux-portal/plugin-flux-common';
import { ClusterObject } from '../clusterObject';
import { readySuccess, succeeded } from '../fluxConditions';
import { resolveChartVersion } from './chartVersions';
import { ns } from './objectIds';
import { SeedContext } from './SeedContext';
import { intervalMinutes, minutesAgo } from './seedTime';

function artifactRevision(ctx: SeedContext, source: ClusterObject): string {
  switch (source.kind) {
    case 'GitRepository': {
      const ref = source.spec?.ref ?? {};
      if (ref.tag) return `${ref.tag}@sha1:${ctx.rng.hex(40)}`;
      const drawn = ctx.sha1Revision(ref.branch ?? 'main');
      // drawn anyway, so a known commit leaves every other draw as it was
      return ctx.commit ? drawn.replace(/[0-9a-f]{40}$/, ctx.commit) : drawn;
    }
    case 'OCIRepository':
      return `${source.spec?.ref?.tag ?? 'latest'}@sha256:${ctx.rng.hex(64)}`;
    case 'HelmChart':
      return resolveChartVersion(source.spec?.version, ctx.rng);
    default:
      return `sha256:${ctx.rng.hex(64)}`;
  }
}

export function seedSource(ctx: SeedContext, source: ClusterObject) {
  const { rng } = ctx;
  const gen = source.metadata!.generation ?? 1;
  const revision = artifactRevision(ctx, source);
  const time = minutesAgo(ctx.now, rng.int(1, intervalMinutes(source)));
  const ready = readySuccess(source, revision);
  if (source.kind === 'HelmRepository' && source.spec?.type === 'oci') {
    // OCI Helm repositories are static: no artifact is stored.
    source.status = { observedGeneration: gen, conditions: [] };
    return;
  }
  const path = `${source.kind!.toLowerCase()}/${ns(source)}/${
    source.metadata!.name
  }`;
  source.status = {
    observedGeneration: gen,
    conditions: [
      succeeded(Condition.Ready, ready, time, gen),
      succeeded(Condition.ArtifactInStorage, ready, time, gen),
      // spec.verify: the signature was checked (cosign/notation, OpenPGP for Git)
      ...(source.spec?.verify
        ? [
            succeeded(
              SOURCE_VERIFIED_CONDITION,
              {
                reason: 'Succeeded',
                message: `verified signature of revision ${revision}`,
              },
              time,
              gen,
            ),
          ]
        : []),
    ],
    artifact: {
      path: `${path}/${rng.hex(12)}.tar.gz`,
      url: `http://source-controller.flux-system.svc.cluster.local./${path}/${rng.hex(
        12,
      )}.tar.gz`,
      revision,
      digest: `sha256:${rng.hex(64)}`,
      lastUpdateTime: time,
      size: rng.int(2_000, 900_000),
    },
  };
  ctx.events.record(
    source,
    'Normal',
    source.kind === 'HelmChart'
      ? Reason.ChartPullSucceeded
      : Reason.NewArtifact,
    ready.message,
    time,
  );
}
