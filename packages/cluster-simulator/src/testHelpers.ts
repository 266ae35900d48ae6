/**
 * Helpers for this package's tests: a small Flux fixture, an authenticated
 * JSON client over real HTTP, and a raw watch-stream reader.
 */
import { request } from 'node:http';
import { ClusterSimulator } from './clusterSimulatorApi';
import { ClusterObject } from './clusterObject';

export const FIXED_NOW = new Date('2026-11-20T12:00:00Z');

export function fluxFixture(): ClusterObject[] {
  return [
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'flux-system', namespace: 'flux-system' },
      spec: {
        interval: '1m',
        url: 'ssh://git@example.com/platform/fleet.git',
        ref: { branch: 'main' },
      },
    },
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: {
        name: 'infrastructure',
        namespace: 'flux-system',
        labels: { tier: 'infra' },
      },
      spec: {
        interval: '10m',
        path: './infrastructure',
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      },
    },
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: {
        name: 'apps',
        namespace: 'flux-system',
        labels: { tier: 'apps' },
      },
      spec: {
        interval: '10m',
        path: './apps',
        prune: true,
        dependsOn: [{ name: 'infrastructure' }],
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      },
    },
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: {
        name: 'monitoring',
        namespace: 'flux-system',
        labels: { tier: 'infra' },
      },
      spec: {
        interval: '1h',
        path: './infrastructure/monitoring',
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      },
    },
    ...['ingress', 'tenants', 'policies'].map(name => ({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name, namespace: 'flux-system' },
      spec: {
        interval: '10m',
        path: `./infrastructure/${name}`,
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      },
    })),
    {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'ingress-nginx', namespace: 'ingress-nginx' },
      spec: {
        interval: '1h',
        releaseName: 'ingress-nginx',
        chart: {
          spec: {
            chart: 'ingress-nginx',
            version: '>=4.10.0',
            sourceRef: {
              kind: 'HelmRepository',
              name: 'ingress-nginx',
              namespace: 'flux-system',
            },
          },
        },
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'web',
        namespace: 'team-a',
        labels: {
          'kustomize.toolkit.fluxcd.io/name': 'tenants',
          'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
        },
      },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            containers: [{ name: 'web', image: 'ghcr.io/example/web:1.4.2' }],
          },
        },
      },
    },
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'HelmRepository',
      metadata: { name: 'jetstack', namespace: 'flux-system' },
      spec: { interval: '1h', url: 'https://charts.jetstack.io' },
    },
    {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: {
        name: 'cert-manager',
        namespace: 'cert-manager',
        labels: { tier: 'infra' },
      },
      spec: {
        interval: '30m',
        chart: {
          spec: {
            chart: 'cert-manager',
            version: '1.16.x',
            sourceRef: {
              kind: 'HelmRepository',
              name: 'jetstack',
              namespace: 'flux-system',
            },
          },
        },
      },
    },
    {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'podinfo', namespace: 'apps' },
      spec: {
        interval: '5m',
        chart: {
          spec: {
            chart: 'podinfo',
            version: '6.7.1',
            sourceRef: {
              kind: 'HelmRepository',
              name: 'podinfo',
              namespace: 'flux-system',
            },
          },
        },
      },
    },
  ];
}

/** A ready Kustomization with a status, for tests that need no seeding. */
export function readyKustomization(
  name: string,
  namespace = 'flux-system',
): ClusterObject {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      interval: '10m',
      path: `./${name}`,
      prune: true,
      sourceRef: { kind: 'GitRepository', name: 'flux-system' },
    },
    status: {
      observedGeneration: 1,
      lastAppliedRevision: 'main@sha1:1111111111111111111111111111111111111111',
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'ReconciliationSucceeded',
          message:
            'Applied revision: main@sha1:1111111111111111111111111111111111111111',
          lastTransitionTime: '2026-11-20T11:00:00Z',
        },
      ],
    },
  };
}

export interface JsonResponse {
  status: number;
  body: any;
  headers: Headers;
}

export function client(sim: ClusterSimulator, token = sim.token) {
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/merge-patch+json',
  ): Promise<JsonResponse> => {
    const res = await fetch(`${sim.url}${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': contentType } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? JSON.parse(text) : undefined,
      headers: res.headers,
    };
  };
  return {
    get: (path: string) => call('GET', path),
    patch: (path: string, body: unknown, contentType?: string) =>
      call('PATCH', path, body, contentType),
    post: (path: string, body?: unknown) =>
      call('POST', path, body ?? {}, 'application/json'),
  };
}

export interface WatchEvent {
  type: string;
  object: any;
}

/** Reads a watch response line by line, as a raw chunked stream. */
export class RawWatch {
  private readonly events: WatchEvent[] = [];
  private waiters: Array<() => void> = [];
  private buffer = '';
  status = 0;
  ended = false;
  readonly done: Promise<void>;
  private req?: ReturnType<typeof request>;

  constructor(url: string, token: string) {
    this.done = new Promise(resolve => {
      this.req = request(
        url,
        { headers: { Authorization: `Bearer ${token}` } },
        res => {
          this.status = res.statusCode ?? 0;
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            this.buffer += chunk;
            let nl = this.buffer.indexOf('\n');
            while (nl >= 0) {
              const line = this.buffer.slice(0, nl);
              this.buffer = this.buffer.slice(nl + 1);
              if (line.trim()) this.events.push(JSON.parse(line));
              nl = this.buffer.indexOf('\n');
            }
            this.wake();
          });
          const finish = () => {
            this.ended = true;
            this.wake();
            resolve();
          };
          res.on('end', finish);
          res.on('close', finish);
          res.on('error', finish);
        },
      );
      this.req.on('error', () => {
        this.ended = true;
        this.wake();
        resolve();
      });
      this.req.end();
    });
  }

  private wake() {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach(w => w());
  }

  /** The next event, or undefined when the stream ends or `timeoutMs` passes. */
  async next(timeoutMs = 5000): Promise<WatchEvent | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length === 0 && !this.ended && Date.now() < deadline) {
      await new Promise<void>(resolve => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.events.shift();
  }

  /** Events until one matches, failing after timeoutMs. */
  async until(
    predicate: (e: WatchEvent) => boolean,
    timeoutMs = 5000,
  ): Promise<WatchEvent[]> {
    const seen: WatchEvent[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const e = await this.next(Math.max(1, deadline - Date.now()));
      if (!e)
        throw new Error(
          `watch ended or timed out; saw ${JSON.stringify(
            seen.map(s => s.type),
          )}`,
        );
      seen.push(e);
      if (predicate(e)) return seen;
    }
  }

  close() {
    this.req?.destroy();
  }
}

export function watchUrl(
  sim: ClusterSimulator,
  path: string,
  params: Record<string, string> = {},
): string {
  const url = new URL(`${sim.url}${path}`);
  url.searchParams.set('watch', '1');
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

export const sleep = (ms: number) =>
  new Promise(resolve => setTimeout(resolve, ms));
