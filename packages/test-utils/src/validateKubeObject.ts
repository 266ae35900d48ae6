import * as admissionV1 from 'kubernetes-models/admissionregistration.k8s.io/v1';
import * as apiextensionsV1 from 'kubernetes-models/apiextensions.k8s.io/v1';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as autoscalingV2 from 'kubernetes-models/autoscaling/v2';
import * as batchV1 from 'kubernetes-models/batch/v1';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as policyV1 from 'kubernetes-models/policy/v1';
import * as rbacV1 from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import * as schedulingV1 from 'kubernetes-models/scheduling.k8s.io/v1';
import * as storageV1 from 'kubernetes-models/storage.k8s.io/v1';
import * as coreV1 from 'kubernetes-models/v1';
import * as helmV2 from '@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2';
import * as kustomizeV1 from '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1';
import * as notificationV1 from '@kubernetes-models/flux-cd/notification.toolkit.fluxcd.io/v1';
import * as notificationV1beta3 from '@kubernetes-models/flux-cd/notification.toolkit.fluxcd.io/v1beta3';
import * as sourceV1 from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1';
import * as sourceV1beta2 from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1beta2';
import * as acmeV1 from '@kubernetes-models/cert-manager/acme.cert-manager.io/v1';
import * as certManagerV1 from '@kubernetes-models/cert-manager/cert-manager.io/v1';
import * as istioNetworkingV1 from '@kubernetes-models/istio/networking.istio.io/v1';
import * as istioNetworkingV1beta1 from '@kubernetes-models/istio/networking.istio.io/v1beta1';
import * as istioSecurityV1 from '@kubernetes-models/istio/security.istio.io/v1';
import * as istioSecurityV1beta1 from '@kubernetes-models/istio/security.istio.io/v1beta1';
import { PodMetrics } from './podMetricsModel';
import { findUnknownFields } from './unknownFields';

interface ModelClass {
  apiVersion: string;
  kind: string;
  new (data: unknown): { validate(): void };
}

const MODULES: Array<Record<string, unknown>> = [
  admissionV1,
  apiextensionsV1,
  appsV1,
  autoscalingV2,
  batchV1,
  networkingV1,
  policyV1,
  rbacV1,
  schedulingV1,
  storageV1,
  coreV1,
  helmV2,
  kustomizeV1,
  notificationV1,
  notificationV1beta3,
  sourceV1,
  sourceV1beta2,
  acmeV1,
  certManagerV1,
  istioNetworkingV1,
  istioNetworkingV1beta1,
  istioSecurityV1,
  istioSecurityV1beta1,
  { PodMetrics },
];

function isModelClass(value: unknown): value is ModelClass {
  return (
    typeof value === 'function' &&
    typeof (value as Partial<ModelClass>).apiVersion === 'string' &&
    typeof (value as Partial<ModelClass>).kind === 'string'
  );
}

// apiVersion/kind → generated model whose validate() runs the JSON schema of
// the Kubernetes OpenAPI spec or of the project's CRD.
const MODELS = new Map<string, ModelClass>();
for (const mod of MODULES) {
  for (const value of Object.values(mod)) {
    if (isModelClass(value))
      MODELS.set(`${value.apiVersion}/${value.kind}`, value);
  }
}

/** The apiVersion/kind pairs {@link validateKubeObject} has schemas for. @public */
export function knownKinds(): string[] {
  return [...MODELS.keys()].sort();
}

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/**
 * Validates one object against the schema of its kind: Kubernetes built-in
 * kinds, Flux (source, kustomize, helm, notification), cert-manager and
 * Istio networking/security. Returns human-readable errors, empty when
 * valid; a kind without a schema is an error, not a silent pass. Unless
 * `unknownFields: false`, fields the kind does not declare are errors too,
 * as with kubectl's strict field validation.
 */
export function validateKubeObject(
  obj: unknown,
  options: { unknownFields?: boolean } = {},
): string[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    return ['not an object'];
  }
  const { apiVersion, kind, metadata } = obj as {
    apiVersion?: unknown;
    kind?: unknown;
    metadata?: { name?: unknown };
  };
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    return ['apiVersion and kind must be strings'];
  }
  const id = `${kind} ${String(metadata?.name ?? '<unnamed>')} (${apiVersion})`;
  const errors: string[] = [];
  if (typeof metadata?.name !== 'string' || !NAME.test(metadata.name)) {
    errors.push(`${id}: metadata.name must be a DNS-1123 name`);
  }
  const Model = MODELS.get(`${apiVersion}/${kind}`);
  if (!Model) {
    return [...errors, `${id}: no schema known for ${apiVersion}/${kind}`];
  }
  try {
    new Model(obj).validate();
  } catch (e) {
    errors.push(`${id}: ${(e as Error).message}`);
  }
  if (options.unknownFields !== false) {
    errors.push(...findUnknownFields(obj as object).map(e => `${id}: ${e}`));
  }
  return errors;
}
