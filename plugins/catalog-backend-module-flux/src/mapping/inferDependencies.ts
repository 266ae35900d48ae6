/**
 * Dependencies between units, from the manifests: DNS names in configuration,
 * HelmRelease and Flux Kustomization `dependsOn`, Istio sidecar injection,
 * PVC storage classes, Istio routes, certificates and their issuers, CRDs of
 * operators, and the `flux-portal.io/depends-on` annotation for the rest.
 */
import type { KubeObject } from '@flux-portal/kustomize';
import type { MonorepoModel } from '@flux-portal/flux-engine';
import { configValuesOf, isWorkload } from './configValues';
import type { Unit } from './groupUnits';
import { buildServiceIndex, hostsIn } from './serviceIndex';
import type { DependencyReason } from './types';

/** Annotation (on a workload, namespace or HelmRelease) listing entity refs the unit depends on. */
export const DEPENDS_ON_ANNOTATION = 'flux-portal.io/depends-on';

export interface UnitDependency {
  from: Unit;
  /** a unit, or an entity ref from the annotation */
  to: Unit | string;
  reason: DependencyReason;
  evidence: string;
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** API groups whose objects need an operator's CRDs: the chart that ships them. */
const CRD_PROVIDERS: ReadonlyArray<[RegExp, RegExp]> = [
  [/^cert-manager\.io\//, /^cert-manager$/],
  [/^(networking|security)\.istio\.io\//, /^(base|istio-base)$/],
];

function stripLeading(path: string) {
  return path.replace(/^\.\//, '').replace(/\/$/, '');
}

function storageClassesOf(unit: Unit): string[] {
  const out = new Set<string>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 40) return;
    if (Array.isArray(value)) value.forEach(v => visit(v, depth + 1));
    else if (isRecord(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (
          (k === 'storageClass' || k === 'storageClassName') &&
          typeof v === 'string' &&
          v
        )
          out.add(v);
        else visit(v, depth + 1);
      }
    }
  };
  for (const { object } of unit.objects) {
    if (
      object.kind === 'PersistentVolumeClaim' ||
      object.kind === 'StatefulSet'
    )
      visit(object.spec, 0);
  }
  for (const hr of unit.helmReleases) visit(hr.values, 0);
  return [...out];
}

/** Storage classes a unit provides: StorageClass objects, or a provisioner chart's class. */
function providedStorageClasses(unit: Unit): string[] {
  const out: string[] = [];
  for (const { object } of unit.objects) {
    if (object.kind === 'StorageClass' && object.metadata?.name)
      out.push(object.metadata.name);
  }
  for (const hr of unit.helmReleases) {
    if (!/provisioner/.test(hr.chart ?? '')) continue;
    // local-path-provisioner's chart names its class `local-path` unless told otherwise.
    const sc = (hr.values.storageClass as Json | undefined)?.name;
    if (typeof sc === 'string') out.push(sc);
    else if (/local-path/.test(hr.chart ?? '')) out.push('local-path');
  }
  return out.filter(Boolean);
}

function annotationsOf(object: KubeObject): Record<string, string> {
  return object.metadata?.annotations ?? {};
}

function wantsSidecar(unit: Unit): string | undefined {
  for (const { object } of unit.objects) {
    const labels = object.metadata?.labels ?? {};
    if (
      object.kind === 'Namespace' &&
      labels['istio-injection'] === 'enabled'
    ) {
      return `namespace ${object.metadata?.name} istio-injection=enabled`;
    }
    if (object.kind === 'Namespace' && labels['istio.io/rev']) {
      return `namespace ${object.metadata?.name} istio.io/rev=${labels['istio.io/rev']}`;
    }
    const podLabels = (
      (object.spec as Json | undefined)?.template as Json | undefined
    )?.metadata as Json | undefined;
    if (
      isWorkload(object) &&
      (podLabels?.labels as Json | undefined)?.['sidecar.istio.io/inject'] ===
        'true'
    ) {
      return `${object.kind} ${object.metadata?.name} sidecar.istio.io/inject=true`;
    }
  }
  return undefined;
}

export function inferDependencies(
  model: MonorepoModel,
  units: Unit[],
): UnitDependency[] {
  const deps: UnitDependency[] = [];
  const seen = new Set<string>();
  const add = (
    from: Unit,
    to: Unit | string | undefined,
    reason: DependencyReason,
    evidence: string,
  ) => {
    if (!to || to === from) return;
    const id = `${from.folder}|${typeof to === 'string' ? to : to.folder}`;
    if (seen.has(id)) return;
    seen.add(id);
    deps.push({ from, to, reason, evidence });
  };

  const index = buildServiceIndex(units);
  const hrUnit = new Map<string, Unit>();
  const objectUnit = new Map<string, Unit>();
  for (const unit of units) {
    for (const hr of unit.helmReleases)
      hrUnit.set(`${hr.namespace}/${hr.name}`, unit);
    for (const { object } of unit.objects) {
      objectUnit.set(
        `${object.kind}|${object.metadata?.namespace ?? ''}|${
          object.metadata?.name ?? ''
        }`,
        unit,
      );
    }
  }
  const unitByFolder = new Map(units.map(u => [u.folder, u]));
  const chartUnit = (re: RegExp) =>
    units.find(u => u.helmReleases.some(hr => re.test(hr.chart ?? '')));
  const meshControlPlane = chartUnit(/^istiod$/);
  const storageProviders = new Map<string, Unit>();
  for (const unit of units)
    for (const sc of providedStorageClasses(unit))
      storageProviders.set(sc, unit);

  for (const unit of units) {
    // DNS names in env, ConfigMaps and Helm values.
    for (const v of configValuesOf(unit)) {
      for (const { host, inUrl } of hostsIn(v.value)) {
        if (!inUrl && !host.includes('.')) continue;
        add(unit, index.resolve(host, v.namespace), 'dns', `${v.key}: ${host}`);
      }
    }
    // HelmRelease dependsOn.
    for (const hr of unit.helmReleases) {
      for (const d of hr.dependsOn)
        add(
          unit,
          hrUnit.get(`${d.namespace}/${d.name}`),
          'helm-depends-on',
          `HelmRelease ${hr.name} dependsOn ${d.namespace}/${d.name}`,
        );
    }
    // Flux Kustomization dependsOn, when Kustomizations are the units.
    for (const ks of model.kustomizations) {
      if (stripLeading(ks.path) !== unit.folder) continue;
      for (const d of ks.dependsOn) {
        const target = model.kustomizations.find(
          k =>
            k.cluster === ks.cluster &&
            k.namespace === d.namespace &&
            k.name === d.name,
        );
        if (target)
          add(
            unit,
            unitByFolder.get(stripLeading(target.path)),
            'kustomization-depends-on',
            `Kustomization ${ks.name} dependsOn ${d.name}`,
          );
      }
    }
    // Istio sidecar injection → the mesh control plane.
    const sidecar = wantsSidecar(unit);
    if (sidecar) add(unit, meshControlPlane, 'sidecar', sidecar);
    // Persistent volumes → the provisioner of their storage class.
    for (const sc of storageClassesOf(unit))
      add(
        unit,
        storageProviders.get(sc),
        'storage-class',
        `storageClass ${sc}`,
      );

    for (const { object } of unit.objects) {
      const apiVersion = object.apiVersion ?? '';
      // Objects that need an operator's CRDs.
      for (const [group, chart] of CRD_PROVIDERS) {
        if (group.test(apiVersion))
          add(
            unit,
            chartUnit(chart),
            'helm-depends-on',
            `${object.kind} needs ${apiVersion}`,
          );
      }
      // Explicit annotation.
      for (const ref of (annotationsOf(object)[DEPENDS_ON_ANNOTATION] ?? '')
        .split(',')
        .map(s => s.trim())
        .filter(Boolean)) {
        add(
          unit,
          ref,
          'annotation',
          `${object.kind} ${object.metadata?.name} ${DEPENDS_ON_ANNOTATION}`,
        );
      }
      const spec = object.spec as Json | undefined;
      if (!isRecord(spec)) continue;
      // Istio routes: the gateway's unit → each destination's unit.
      if (
        object.kind === 'VirtualService' &&
        /^networking\.istio\.io\//.test(apiVersion)
      ) {
        const ns = object.metadata?.namespace;
        const gateways = Array.isArray(spec.gateways)
          ? (spec.gateways as string[])
          : [];
        const routes = [
          ...((spec.http as unknown[]) ?? []),
          ...((spec.tls as unknown[]) ?? []),
          ...((spec.tcp as unknown[]) ?? []),
        ];
        for (const gw of gateways.filter(
          g => typeof g === 'string' && g !== 'mesh',
        )) {
          const [gwNs, gwName] = gw.includes('/')
            ? gw.split('/')
            : [ns ?? '', gw];
          const gatewayUnit =
            objectUnit.get(`Gateway|${gwNs}|${gwName}`) ?? unit;
          for (const r of routes) {
            for (const dest of (isRecord(r) && Array.isArray(r.route)
              ? r.route
              : []) as Json[]) {
              const host = (dest?.destination as Json | undefined)?.host;
              if (typeof host !== 'string') continue;
              const target = index.resolve(host, ns);
              const prefix = (
                (isRecord(r) && Array.isArray(r.match)
                  ? r.match[0]
                  : undefined) as Json | undefined
              )?.uri as Json | undefined;
              add(
                gatewayUnit,
                target,
                'route',
                `VirtualService ${object.metadata?.name} → ${host}${
                  prefix?.prefix ? ` (${prefix.prefix})` : ''
                }`,
              );
            }
          }
        }
      }
      // Certificates → their issuer; gateways → the certificate behind their TLS secret.
      if (object.kind === 'Certificate' && isRecord(spec.issuerRef)) {
        const issuer = spec.issuerRef as Json;
        const kind = typeof issuer.kind === 'string' ? issuer.kind : 'Issuer';
        const ns =
          kind === 'ClusterIssuer' ? '' : object.metadata?.namespace ?? '';
        add(
          unit,
          objectUnit.get(`${kind}|${ns}|${issuer.name}`),
          'certificate',
          `Certificate ${object.metadata?.name} issuerRef ${kind}/${issuer.name}`,
        );
      }
      if (object.kind === 'Gateway' && Array.isArray(spec.servers)) {
        for (const server of spec.servers as Json[]) {
          const secret = (server?.tls as Json | undefined)?.credentialName;
          if (typeof secret !== 'string') continue;
          for (const other of units) {
            const cert = other.objects.find(
              o =>
                o.object.kind === 'Certificate' &&
                (o.object.spec as Json | undefined)?.secretName === secret,
            );
            if (cert)
              add(
                unit,
                other,
                'certificate',
                `Gateway ${object.metadata?.name} TLS ${secret}`,
              );
          }
        }
      }
    }
  }
  return deps;
}
