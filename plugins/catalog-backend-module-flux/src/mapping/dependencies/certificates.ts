/** cert-manager: a Certificate needs its issuer; an Istio Gateway's TLS secret needs its Certificate. */
import { isRecord, Json } from '../json';
import type { ObjectRule } from './types';

export const certificateIssuer: ObjectRule = (unit, object, lookups, add) => {
  const spec = object.spec;
  if (
    object.kind !== 'Certificate' ||
    !isRecord(spec) ||
    !isRecord(spec.issuerRef)
  )
    return;
  const issuer = spec.issuerRef;
  const kind = typeof issuer.kind === 'string' ? issuer.kind : 'Issuer';
  // a ClusterIssuer is cluster-scoped; an Issuer sits beside the Certificate
  const namespace =
    kind === 'ClusterIssuer' ? '' : object.metadata?.namespace ?? '';
  add(
    unit,
    lookups.byObject(kind, namespace, issuer.name),
    'certificate',
    `Certificate ${object.metadata?.name} issuerRef ${kind}/${issuer.name}`,
  );
};

export const gatewayCertificates: ObjectRule = (unit, object, lookups, add) => {
  const spec = object.spec;
  if (
    object.kind !== 'Gateway' ||
    !isRecord(spec) ||
    !Array.isArray(spec.servers)
  )
    return;
  for (const server of spec.servers as Json[]) {
    const secret = (server?.tls as Json | undefined)?.credentialName;
    if (typeof secret !== 'string') continue;
    for (const other of lookups.units) {
      const issues = other.objects.some(
        o =>
          o.object.kind === 'Certificate' &&
          (o.object.spec as Json | undefined)?.secretName === secret,
      );
      if (issues)
        add(
          unit,
          other,
          'certificate',
          `Gateway ${object.metadata?.name} TLS ${secret}`,
        );
    }
  }
};

/** cert-manager's annotations on a Gateway or Ingress (ingress-shim): the issuer's unit. */
const ISSUER_ANNOTATIONS: ReadonlyArray<[string, string]> = [
  ['cert-manager.io/cluster-issuer', 'ClusterIssuer'],
  ['cert-manager.io/issuer', 'Issuer'],
];

export const issuerAnnotations: ObjectRule = (unit, object, lookups, add) => {
  if (object.kind !== 'Gateway' && object.kind !== 'Ingress') return;
  for (const [key, kind] of ISSUER_ANNOTATIONS) {
    const name = object.metadata?.annotations?.[key];
    if (typeof name !== 'string' || !name) continue;
    const namespace =
      kind === 'ClusterIssuer' ? '' : object.metadata?.namespace ?? '';
    add(
      unit,
      lookups.byObject(kind, namespace, name),
      'certificate',
      `${object.kind} ${object.metadata?.name} ${key}: ${name}`,
    );
  }
};
