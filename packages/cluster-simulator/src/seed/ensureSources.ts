/**
 * The sources appliers refer to: those missing from the input are made up,
 * and each HelmRelease with a `chart.spec` gets the HelmChart helm-controller
 * creates for it (named `<namespace>-<name>`, in the source's namespace).
 */
import {
  joinApiVersion,
  SOURCE_GROUP,
  SOURCE_KINDS,
  SOURCE_VERSIONS,
} from '@flux-portal/plugin-flux-common';
import { ClusterObject } from '../clusterObject';
import { isFluxObject } from '../fluxConditions';
import { missingSourceSpec } from './missingSourceSpec';
import { id, ns } from './objectIds';
import { SeedContext } from './SeedContext';

const SOURCE_API = joinApiVersion(SOURCE_GROUP, SOURCE_VERSIONS[0]);

/** Kinds made up when missing; HelmCharts come from their HelmReleases instead. */
const MADE_UP_KINDS = [
  'GitRepository',
  'OCIRepository',
  'HelmRepository',
  'Bucket',
];

export function isSource(obj: ClusterObject): boolean {
  return isFluxObject(obj) && (SOURCE_KINDS as string[]).includes(obj.kind!);
}

export function ensureSources(ctx: SeedContext, appliers: ClusterObject[]) {
  for (const obj of appliers) {
    const ref =
      obj.kind === 'Kustomization'
        ? obj.spec?.sourceRef
        : obj.spec?.chart?.spec?.sourceRef ?? obj.spec?.chartRef;
    if (!ref?.kind || !ref?.name) continue;
    const refNs = ref.namespace ?? ns(obj);
    const key = `${ref.kind}/${refNs}/${ref.name}`;
    if (!ctx.sources.has(key) && MADE_UP_KINDS.includes(ref.kind)) {
      const source: ClusterObject = {
        apiVersion: SOURCE_API,
        kind: ref.kind,
        metadata: { name: ref.name, namespace: refNs, generation: 1 },
        spec: missingSourceSpec(ref.kind, ref.name),
      };
      ctx.sources.set(key, source);
      ctx.extra.push(source);
    }
    if (obj.kind === 'HelmRelease' && obj.spec?.chart?.spec) {
      const chartSpec = obj.spec.chart.spec;
      const chart: ClusterObject = {
        apiVersion: SOURCE_API,
        kind: 'HelmChart',
        metadata: {
          name: `${ns(obj)}-${obj.metadata!.name}`,
          namespace: refNs,
          generation: 1,
        },
        spec: {
          chart: chartSpec.chart,
          version: chartSpec.version ?? '*',
          sourceRef: { kind: ref.kind, name: ref.name },
          interval: chartSpec.interval ?? obj.spec.interval ?? '10m',
          reconcileStrategy: 'ChartVersion',
          // helm-controller passes the chart's signature check on
          ...(chartSpec.verify ? { verify: chartSpec.verify } : {}),
        },
      };
      ctx.sources.set(id(chart), chart);
      ctx.extra.push(chart);
    }
  }
}
