/**
 * What image-reflector, image-automation and notification-controller would
 * hold in a cluster run from the monorepo (SeedOptions.coverage), in
 * flux-system as `flux bootstrap` setups keep them:
 *
 * - for the first two app Deployments (by namespace/name) with a tagged
 *   image, an ImageRepository and a semver ImagePolicy; the first policy's
 *   latest image is the one deployed, the second's a newer minor, so one
 *   entity is up to date and one is behind;
 * - an ImageUpdateAutomation writing updates to the monorepo's
 *   GitRepository;
 * - Providers (Slack, GitHub commit status), an Alert on errors of every
 *   Kustomization and GitRepository, an Alert on every HelmRelease of the
 *   HelmReleases' namespaces, a commit-status Alert on the `apps`
 *   Kustomization, and a GitHub Receiver reconciling the GitRepositories.
 *
 * Draws nothing from the PRNG: seeding with or without it gives the same
 * other objects.
 */
import {
  FluxConditionType as Condition,
  fluxApiVersionOf,
  parseImageReference,
} from '@flux-portal/plugin-flux-common';
import { createHash } from 'node:crypto';
import { ClusterObject } from '../clusterObject';
import { succeeded } from '../fluxConditions';
import { ns } from './objectIds';
import { SeedContext } from './SeedContext';
import { minutesAgo } from './seedTime';

const NAMESPACE = 'flux-system';

function ready(reason: string, message: string, time: string) {
  return {
    observedGeneration: 1,
    conditions: [succeeded(Condition.Ready, { reason, message }, time, 1)],
  };
}

function meta(name: string) {
  return { name, namespace: NAMESPACE, generation: 1 };
}

/** The next minor of a semver tag (`2.6.1` → `2.7.0`), or undefined. */
function nextMinor(tag: string): string | undefined {
  const m = /^(v?)(\d+)\.(\d+)\.(\d+)$/.exec(tag);
  return m ? `${m[1]}${m[2]}.${Number(m[3]) + 1}.0` : undefined;
}

function imageObjects(ctx: SeedContext): ClusterObject[] {
  const time = minutesAgo(ctx.now, 3);
  const candidates = [...ctx.inputDeployments]
    .sort((a, b) =>
      `${ns(a)}/${a.metadata!.name}`.localeCompare(
        `${ns(b)}/${b.metadata!.name}`,
      ),
    )
    .flatMap(d => {
      const image: string | undefined =
        d.spec?.template?.spec?.containers?.[0]?.image;
      const ref = parseImageReference(image);
      const tag = ref?.tag;
      return image && tag && nextMinor(tag)
        ? [
            {
              deployment: d,
              image: image.slice(0, image.lastIndexOf(':')),
              tag,
            },
          ]
        : [];
    })
    .slice(0, 2);
  const objects: ClusterObject[] = [];
  candidates.forEach(({ deployment, image, tag }, i) => {
    const name = deployment.metadata!.name!;
    const latest = i === 0 ? tag : nextMinor(tag)!;
    objects.push(
      {
        apiVersion: fluxApiVersionOf('ImageRepository'),
        kind: 'ImageRepository',
        metadata: meta(name),
        spec: { image, interval: '5m', provider: 'generic' },
        status: {
          ...ready('Succeeded', `successful scan: found 12 tags`, time),
          canonicalImageName: image,
          lastScanResult: {
            tagCount: 12,
            scanTime: time,
            latestTags: [latest, tag],
          },
        },
      },
      {
        apiVersion: fluxApiVersionOf('ImagePolicy'),
        kind: 'ImagePolicy',
        metadata: {
          ...meta(name),
          labels: { 'flux-portal.io/automation': 'apps' },
        },
        spec: {
          imageRepositoryRef: { name },
          policy: {
            semver: { range: `>=${tag.replace(/^v/, '').split('.')[0]}.0.0` },
          },
        },
        status: {
          ...ready(
            'Succeeded',
            `Latest image tag for ${image} resolved to ${latest}`,
            time,
          ),
          latestRef: { name: image, tag: latest },
          observedPreviousRef: { name: image, tag },
        },
      },
    );
  });
  return objects;
}

function gitRepositoriesIn(objects: ClusterObject[], ctx: SeedContext) {
  return [...objects, ...ctx.extra].filter(
    o => o.kind === 'GitRepository' && ns(o) === NAMESPACE,
  );
}

function automation(ctx: SeedContext, git: ClusterObject): ClusterObject {
  const time = minutesAgo(ctx.now, 2);
  const branch = git.spec?.ref?.branch ?? 'main';
  return {
    apiVersion: fluxApiVersionOf('ImageUpdateAutomation'),
    kind: 'ImageUpdateAutomation',
    metadata: meta('flux-system'),
    spec: {
      interval: '30m',
      sourceRef: { kind: 'GitRepository', name: git.metadata!.name },
      git: {
        checkout: { ref: { branch } },
        commit: {
          author: {
            name: 'fluxcdbot',
            email: 'fluxcdbot@users.noreply.github.com',
          },
          messageTemplate: 'chore: update images',
        },
        push: { branch },
      },
      update: { path: './apps', strategy: 'Setters' },
      policySelector: { matchLabels: { 'flux-portal.io/automation': 'apps' } },
    },
    status: {
      ...ready('Succeeded', 'repository up-to-date', time),
      lastAutomationRunTime: time,
    },
  };
}

function notificationObjects(
  objects: ClusterObject[],
  ctx: SeedContext,
): ClusterObject[] {
  const time = minutesAgo(ctx.now, 60);
  const releaseNamespaces = [
    ...new Set(objects.filter(o => o.kind === 'HelmRelease').map(o => ns(o))),
  ].sort();
  const hasApps = objects.some(
    o =>
      o.kind === 'Kustomization' &&
      ns(o) === NAMESPACE &&
      o.metadata?.name === 'apps',
  );
  const gits = gitRepositoriesIn(objects, ctx);
  const hookPath = `/hook/${createHash('sha256')
    .update('github-receiver')
    .digest('hex')}`;
  const provider = (name: string, spec: object): ClusterObject => ({
    apiVersion: fluxApiVersionOf('Provider'),
    kind: 'Provider',
    metadata: meta(name),
    spec,
  });
  const alert = (name: string, spec: object): ClusterObject => ({
    apiVersion: fluxApiVersionOf('Alert'),
    kind: 'Alert',
    metadata: meta(name),
    spec,
  });
  return [
    provider('slack-platform', {
      type: 'slack',
      channel: '#platform-alerts',
      secretRef: { name: 'slack-bot-token' },
    }),
    provider('github-status', {
      type: 'github',
      address: 'https://github.com/example-org/flux-monorepo',
      secretRef: { name: 'github-token' },
    }),
    alert('platform-errors', {
      providerRef: { name: 'slack-platform' },
      eventSeverity: 'error',
      eventSources: [
        { kind: 'Kustomization', name: '*' },
        { kind: 'GitRepository', name: '*' },
      ],
    }),
    alert('helm-releases', {
      providerRef: { name: 'slack-platform' },
      eventSeverity: 'info',
      eventSources: releaseNamespaces.map(namespace => ({
        kind: 'HelmRelease',
        name: '*',
        namespace,
      })),
    }),
    ...(hasApps
      ? [
          alert('apps-commit-status', {
            providerRef: { name: 'github-status' },
            eventSeverity: 'info',
            eventSources: [{ kind: 'Kustomization', name: 'apps' }],
          }),
        ]
      : []),
    ...(gits.length > 0
      ? [
          {
            apiVersion: fluxApiVersionOf('Receiver'),
            kind: 'Receiver',
            metadata: meta('github-push'),
            spec: {
              type: 'github',
              events: ['ping', 'push'],
              secretRef: { name: 'github-webhook-token' },
              resources: gits.map(g => ({
                kind: 'GitRepository',
                name: g.metadata!.name,
              })),
            },
            status: {
              ...ready(
                'Succeeded',
                `Receiver initialized for path: ${hookPath}`,
                time,
              ),
              webhookPath: hookPath,
            },
          } as ClusterObject,
        ]
      : []),
  ];
}

export function seedCoverage(ctx: SeedContext, objects: ClusterObject[]) {
  if (
    !objects.some(o => o.kind === 'Kustomization' || o.kind === 'HelmRelease')
  )
    return;
  const images = imageObjects(ctx);
  const git = gitRepositoriesIn(objects, ctx)[0];
  ctx.extra.push(
    ...images,
    ...(images.length > 0 && git ? [automation(ctx, git)] : []),
    ...notificationObjects(objects, ctx),
  );
}
