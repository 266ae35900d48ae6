import { renderAppEnv } from './appEnv';
import {
  ANNOTATION_DESCRIPTION,
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_OWNER,
  APP_COMPONENT_LABEL,
  APP_NAME_LABEL,
  APP_PART_OF_LABEL,
  isDnsLabel,
} from '@flux-portal/plugin-flux-common';
import { kustomizationObject, namespaceObject } from './objects';
import { AppResources, AppSpec } from './types';
import { toYaml } from './yamlText';

const DEFAULT_RESOURCES: AppResources = {
  requests: { cpu: '100m', memory: '256Mi' },
  limits: { cpu: '500m', memory: '512Mi' },
};

// Non-root UID of the service images built by the platform's base image.
const APP_UID = 10001;

function assertValidSpec(spec: AppSpec): void {
  if (!isDnsLabel(spec.name)) {
    throw new Error(
      `App name "${spec.name}" must be a DNS-1123 label (lowercase letters, digits, '-', at most 63 characters)`,
    );
  }
  if (!Number.isInteger(spec.port) || spec.port < 1 || spec.port > 65535) {
    throw new Error(`App "${spec.name}": port ${spec.port} is not a TCP port`);
  }
  for (const field of ['replicas', 'patchedReplicas'] as const) {
    if (!Number.isInteger(spec[field]) || spec[field] < 0) {
      throw new Error(`App "${spec.name}": ${field} must be a whole number`);
    }
  }
}

function labels(spec: AppSpec): Record<string, string> {
  return {
    [APP_NAME_LABEL]: spec.name,
    [APP_PART_OF_LABEL]: spec.partOf,
    [APP_COMPONENT_LABEL]: spec.component,
    [ANNOTATION_KUBERNETES_ID]: spec.name,
  };
}

function annotations(spec: AppSpec): Record<string, string> {
  return {
    [ANNOTATION_OWNER]: spec.owner,
    [ANNOTATION_DESCRIPTION]: spec.description,
  };
}

function httpProbe(path: string, periodSeconds: number, failures: number) {
  return {
    httpGet: { path, port: 'http' },
    periodSeconds,
    timeoutSeconds: 2,
    failureThreshold: failures,
  };
}

function deployment(spec: AppSpec) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: spec.name,
      namespace: spec.name,
      labels: labels(spec),
      annotations: annotations(spec),
    },
    spec: {
      replicas: spec.replicas,
      revisionHistoryLimit: 5,
      selector: { matchLabels: { [APP_NAME_LABEL]: spec.name } },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
      },
      template: {
        metadata: {
          labels: labels(spec),
          annotations: {
            'prometheus.io/scrape': 'true',
            'prometheus.io/port': String(spec.port),
            'prometheus.io/path': '/metrics',
          },
        },
        spec: {
          // Only Vault's Kubernetes auth needs the pod's token.
          automountServiceAccountToken:
            spec.connections.vault?.authMethod === 'kubernetes',
          securityContext: {
            runAsNonRoot: true,
            runAsUser: APP_UID,
            runAsGroup: APP_UID,
            fsGroup: APP_UID,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [
            {
              name: spec.name,
              image: spec.image,
              imagePullPolicy: 'IfNotPresent',
              ports: [
                { name: 'http', containerPort: spec.port, protocol: 'TCP' },
              ],
              env: renderAppEnv(spec),
              resources: spec.resources ?? DEFAULT_RESOURCES,
              startupProbe: httpProbe('/healthz/live', 5, 24),
              livenessProbe: httpProbe('/healthz/live', 10, 3),
              readinessProbe: httpProbe('/healthz/ready', 5, 3),
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                capabilities: { drop: ['ALL'] },
              },
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: {} }],
        },
      },
    },
  };
}

function service(spec: AppSpec) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: spec.name,
      namespace: spec.name,
      labels: labels(spec),
    },
    spec: {
      type: 'ClusterIP',
      selector: { [APP_NAME_LABEL]: spec.name },
      ports: [
        {
          name: 'http',
          port: spec.port,
          targetPort: 'http',
          protocol: 'TCP',
          appProtocol: 'http',
        },
      ],
    },
  };
}

function replicasPatch(spec: AppSpec) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: spec.name, namespace: spec.name },
    spec: { replicas: spec.patchedReplicas },
  };
}

/**
 * The files of `apps/<name>/` for a business service, keyed by path
 * relative to the monorepo root. Pure: the same spec gives the same bytes.
 * Register the folder with {@link addToKustomizationResources} on
 * `apps/kustomization.yaml`.
 * @public
 */
export function renderAppFiles(spec: AppSpec): Record<string, string> {
  assertValidSpec(spec);
  const dir = `apps/${spec.name}`;
  return {
    [`${dir}/kustomization.yaml`]: toYaml(
      kustomizationObject(['./base'], ['patches/replicas.yaml']),
    ),
    [`${dir}/base/kustomization.yaml`]: toYaml(
      kustomizationObject([
        'namespace.yaml',
        'deployment.yaml',
        'service.yaml',
      ]),
    ),
    [`${dir}/base/namespace.yaml`]: toYaml(namespaceObject(spec)),
    [`${dir}/base/deployment.yaml`]: toYaml(deployment(spec)),
    [`${dir}/base/service.yaml`]: toYaml(service(spec)),
    [`${dir}/patches/replicas.yaml`]: toYaml(replicasPatch(spec)),
  };
}
