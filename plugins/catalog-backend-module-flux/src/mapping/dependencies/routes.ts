/**
 * Gateway API routes and Ingresses: the gateway or ingress controller's unit
 * depends on each backend's unit, as Istio VirtualServices do (istio.ts).
 * Also the route and ingress sections of chart values (bjw-s app-template
 * `route.*.parentRefs`, `ingress.*.className`; most charts'
 * `ingress.className`), whose backend is the release itself.
 */
import type { KubeObject } from '@flux-portal/kustomize';
import { isRecord, Json } from '../json';
import type { Unit } from '../units/types';
import type { UnitLookups } from './unitLookups';
import type { ObjectRule, UnitRule } from './types';

const GATEWAY_API = /^gateway\.networking\.k8s\.io\//;
const ROUTE_KINDS = new Set([
  'HTTPRoute',
  'GRPCRoute',
  'TLSRoute',
  'TCPRoute',
  'UDPRoute',
]);

const records = (value: unknown): Json[] =>
  Array.isArray(value) ? value.filter(isRecord) : [];

/** The units of the Gateways a route's `parentRefs` name. */
function parentGateways(
  parentRefs: unknown,
  namespace: string,
  lookups: UnitLookups,
): Array<{ unit: Unit; gateway: string }> {
  const out: Array<{ unit: Unit; gateway: string }> = [];
  for (const ref of records(parentRefs)) {
    if (ref.kind !== undefined && ref.kind !== 'Gateway') continue;
    const ns = typeof ref.namespace === 'string' ? ref.namespace : namespace;
    const unit = lookups.byObject('Gateway', ns, ref.name);
    if (unit) out.push({ unit, gateway: `${ns}/${ref.name}` });
  }
  return out;
}

export const gatewayApiRoutes: ObjectRule = (unit, object, lookups, add) => {
  const spec = object.spec;
  if (
    !GATEWAY_API.test(object.apiVersion ?? '') ||
    !ROUTE_KINDS.has(object.kind ?? '') ||
    !isRecord(spec)
  )
    return;
  const namespace = object.metadata?.namespace ?? 'default';
  const gateways = parentGateways(spec.parentRefs, namespace, lookups);
  const backends = records(spec.rules).flatMap(rule =>
    records(rule.backendRefs),
  );
  for (const { unit: gatewayUnit, gateway } of gateways) {
    for (const backend of backends) {
      if (backend.kind !== undefined && backend.kind !== 'Service') continue;
      const ns =
        typeof backend.namespace === 'string' ? backend.namespace : namespace;
      add(
        gatewayUnit,
        lookups.services.resolve(`${backend.name}.${ns}.svc`, ns) ?? unit,
        'route',
        `${object.kind} ${object.metadata?.name} (Gateway ${gateway}) → ${backend.name}`,
      );
    }
  }
};

/** The ingress class an Ingress asks for: the field, else the legacy annotation. */
function ingressClass(object: KubeObject): string | undefined {
  const spec = object.spec;
  const field = isRecord(spec) ? spec.ingressClassName : undefined;
  if (typeof field === 'string' && field) return field;
  const annotation =
    object.metadata?.annotations?.['kubernetes.io/ingress.class'];
  return typeof annotation === 'string' && annotation ? annotation : undefined;
}

export const ingressBackends: ObjectRule = (unit, object, lookups, add) => {
  if (
    object.kind !== 'Ingress' ||
    !/^networking\.k8s\.io\//.test(object.apiVersion ?? '') ||
    !isRecord(object.spec)
  )
    return;
  const className = ingressClass(object);
  const controller = className && lookups.byIngressClass(className);
  if (!controller) return;
  const namespace = object.metadata?.namespace ?? 'default';
  const services = [
    (object.spec.defaultBackend as Json | undefined)?.service,
    ...records(object.spec.rules).flatMap(rule =>
      records((rule.http as Json | undefined)?.paths).map(
        path => (path.backend as Json | undefined)?.service,
      ),
    ),
  ].filter(isRecord);
  for (const service of services)
    add(
      controller,
      lookups.services.resolve(`${service.name}.${namespace}.svc`, namespace) ??
        unit,
      'ingress',
      `Ingress ${object.metadata?.name} (class ${className}) → ${service.name}`,
    );
};

/** `route.*.parentRefs` and `ingress.*.className` / `ingress.className` in a HelmRelease's values. */
export const chartValueRoutes: UnitRule = (unit, lookups, add) => {
  for (const hr of unit.helmReleases) {
    const namespace = hr.targetNamespace ?? hr.namespace;
    const values = hr.values;
    const routes = isRecord(values.route) ? Object.values(values.route) : [];
    for (const route of routes.filter(isRecord))
      for (const { unit: gatewayUnit, gateway } of parentGateways(
        route.parentRefs,
        namespace,
        lookups,
      ))
        add(
          gatewayUnit,
          unit,
          'route',
          `HelmRelease ${hr.name} values route → Gateway ${gateway}`,
        );
    const ingress = isRecord(values.ingress) ? values.ingress : undefined;
    if (!ingress) continue;
    const sections = [ingress, ...Object.values(ingress).filter(isRecord)];
    for (const section of sections) {
      const className = section.className ?? section.ingressClassName;
      if (typeof className !== 'string' || !className) continue;
      const controller = lookups.byIngressClass(className);
      if (section.enabled === false || !controller) continue;
      add(
        controller,
        unit,
        'ingress',
        `HelmRelease ${hr.name} values ingress class ${className}`,
      );
    }
  }
};
