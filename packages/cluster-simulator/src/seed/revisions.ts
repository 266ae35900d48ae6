/**
 * The revision each applier is at: its source's artifact, and a previous
 * one that failed or waiting objects still run. Appliers of one source
 * share both, as on a cluster.
 */
import { ClusterObject } from '../clusterObject';
import { olderVersion, resolveChartVersion } from './chartVersions';
import { id, ns } from './objectIds';
import { SeedContext } from './SeedContext';
import { Revisions } from './types';

/** The applier's source: its HelmChart, or the source its sourceRef/chartRef names. */
function sourceOf(
  ctx: SeedContext,
  obj: ClusterObject,
): ClusterObject | undefined {
  if (obj.kind === 'HelmRelease' && obj.spec?.chart?.spec) {
    const refNs = obj.spec.chart.spec.sourceRef?.namespace ?? ns(obj);
    return ctx.sources.get(
      `HelmChart/${refNs}/${ns(obj)}-${obj.metadata!.name}`,
    );
  }
  const ref =
    obj.kind === 'Kustomization' ? obj.spec?.sourceRef : obj.spec?.chartRef;
  if (!ref?.kind) return undefined;
  return ctx.sources.get(`${ref.kind}/${ref.namespace ?? ns(obj)}/${ref.name}`);
}

/** The source's current revision and a previous one, for drift on failed objects. */
export function revisionFor(ctx: SeedContext, obj: ClusterObject): Revisions {
  const { rng } = ctx;
  const source = sourceOf(ctx, obj);
  const current: string =
    source?.status?.artifact?.revision ??
    (obj.kind === 'HelmRelease'
      ? resolveChartVersion(obj.spec?.chart?.spec?.version, rng)
      : ctx.sha1Revision('main'));
  const key = source ? id(source) : id(obj);
  let found = ctx.revisions.get(key);
  if (!found || found.current !== current) {
    const previous =
      obj.kind === 'HelmRelease'
        ? olderVersion(current.split('@')[0])
        : current
            .replace(/[0-9a-f]{40}$/, rng.hex(40))
            .replace(/[0-9a-f]{64}$/, rng.hex(64));
    found = { current, previous };
    ctx.revisions.set(key, found);
  }
  return found;
}
