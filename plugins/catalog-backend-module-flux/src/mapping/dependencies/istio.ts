/** Istio: sidecar injection needs the mesh control plane; routes lead from gateways to services. */
import type { KubeObject } from '@flux-portal/kustomize';
import { isWorkload } from '../configValues';
import { isRecord, Json } from '../json';
import type { Unit } from '../units/types';
import type { UnitLookups } from './unitLookups';
import type { ObjectRule, UnitRule } from './types';

export const sidecarInjection: UnitRule = (unit, lookups, add) => {
  const evidence = sidecarEvidence(unit);
  if (evidence) add(unit, lookups.byChart(/^istiod$/), 'sidecar', evidence);
};

/** What in a unit asks for a sidecar: a labelled namespace or pod template. */
function sidecarEvidence(unit: Unit): string | undefined {
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
    if (
      isWorkload(object) &&
      podLabels(object)?.['sidecar.istio.io/inject'] === 'true'
    ) {
      return `${object.kind} ${object.metadata?.name} sidecar.istio.io/inject=true`;
    }
  }
  return undefined;
}

function podLabels(workload: KubeObject): Json | undefined {
  const template = (workload.spec as Json | undefined)?.template as
    | Json
    | undefined;
  return (template?.metadata as Json | undefined)?.labels as Json | undefined;
}

/** A VirtualService's routes: the gateway's unit depends on each destination's unit. */
export const virtualServiceRoutes: ObjectRule = (
  unit,
  object,
  lookups,
  add,
) => {
  const spec = object.spec;
  if (
    object.kind !== 'VirtualService' ||
    !/^networking\.istio\.io\//.test(object.apiVersion ?? '') ||
    !isRecord(spec)
  )
    return;
  const namespace = object.metadata?.namespace;
  const destinations = routeDestinations(spec);
  for (const gatewayUnit of gatewayUnits(spec, namespace, unit, lookups)) {
    for (const { host, prefix } of destinations)
      add(
        gatewayUnit,
        lookups.services.resolve(host, namespace),
        'route',
        `VirtualService ${object.metadata?.name} → ${host}${
          prefix ? ` (${prefix})` : ''
        }`,
      );
  }
};

/** The units of the gateways a VirtualService binds to (its own unit for a gateway not found). */
function gatewayUnits(
  spec: Json,
  namespace: string | undefined,
  unit: Unit,
  lookups: UnitLookups,
): Unit[] {
  const gateways = Array.isArray(spec.gateways)
    ? (spec.gateways as unknown[])
    : [];
  return gateways
    .filter((g): g is string => typeof g === 'string' && g !== 'mesh')
    .map(gateway => {
      const [gwNamespace, gwName] = gateway.includes('/')
        ? gateway.split('/')
        : [namespace ?? '', gateway];
      return lookups.byObject('Gateway', gwNamespace, gwName) ?? unit;
    });
}

/** Each route destination's host, with the route's first URI prefix match. */
function routeDestinations(
  spec: Json,
): Array<{ host: string; prefix: unknown }> {
  const routes = [spec.http, spec.tls, spec.tcp].flatMap(list =>
    Array.isArray(list) ? (list as unknown[]) : [],
  );
  const out: Array<{ host: string; prefix: unknown }> = [];
  for (const route of routes) {
    if (!isRecord(route) || !Array.isArray(route.route)) continue;
    const match = Array.isArray(route.match) ? route.match[0] : undefined;
    const prefix = ((match as Json | undefined)?.uri as Json | undefined)
      ?.prefix;
    for (const dest of route.route as Json[]) {
      const host = (dest?.destination as Json | undefined)?.host;
      if (typeof host === 'string') out.push({ host, prefix });
    }
  }
  return out;
}
