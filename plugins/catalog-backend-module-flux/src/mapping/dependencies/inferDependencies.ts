/**
 * Dependencies between units, from the manifests: DNS names in configuration,
 * HelmRelease and Flux Kustomization `dependsOn`, Istio sidecar injection,
 * PVC storage classes, Secrets and ConfigMaps consumed (envFrom, valueFrom,
 * volumes, `existingSecret`), `valuesFrom` ConfigMaps, Istio routes, Gateway
 * API routes, Ingresses, certificates and their issuers, ExternalSecrets'
 * stores, CRDs of operators, and the `flux-portal.io/depends-on` annotation
 * for the rest.
 * Each rule lives in a file of its own; this runs them in a fixed order, the
 * first reason found for a pair being the one kept.
 */
import type { MonorepoModel } from '@flux-portal/flux-engine';
import type { Unit } from '../units/types';
import {
  certificateIssuer,
  gatewayCertificates,
  issuerAnnotations,
} from './certificates';
import { crdProviders } from './crdProviders';
import { dependsOnAnnotation } from './dependsOnAnnotation';
import { dnsNames } from './dnsNames';
import { helmReleaseDependsOn, kustomizationDependsOn } from './fluxDependsOn';
import { sidecarInjection, virtualServiceRoutes } from './istio';
import { storageClassUse } from './storageClasses';
import { chartValueRoutes, gatewayApiRoutes, ingressBackends } from './routes';
import {
  externalSecretStore,
  secretAndConfigMapRefs,
  valuesFromConfigMaps,
} from './secrets';
import type {
  AddDependency,
  ObjectRule,
  UnitDependency,
  UnitRule,
} from './types';
import { buildUnitLookups } from './unitLookups';

const UNIT_RULES: UnitRule[] = [
  dnsNames,
  helmReleaseDependsOn,
  kustomizationDependsOn,
  sidecarInjection,
  storageClassUse,
  secretAndConfigMapRefs,
  valuesFromConfigMaps,
  chartValueRoutes,
];

const OBJECT_RULES: ObjectRule[] = [
  crdProviders,
  dependsOnAnnotation,
  virtualServiceRoutes,
  certificateIssuer,
  gatewayCertificates,
  issuerAnnotations,
  externalSecretStore,
  gatewayApiRoutes,
  ingressBackends,
];

export function inferDependencies(
  model: MonorepoModel,
  units: Unit[],
): UnitDependency[] {
  const deps: UnitDependency[] = [];
  const seen = new Set<string>();
  const add: AddDependency = (from, to, reason, evidence) => {
    if (!to || to === from) return;
    const id = `${from.key}|${typeof to === 'string' ? to : to.key}`;
    if (seen.has(id)) return;
    seen.add(id);
    deps.push({ from, to, reason, evidence });
  };
  const lookups = buildUnitLookups(model, units);
  for (const unit of units) {
    for (const rule of UNIT_RULES) rule(unit, lookups, add);
    for (const { object } of unit.objects)
      for (const rule of OBJECT_RULES) rule(unit, object, lookups, add);
  }
  return deps;
}
