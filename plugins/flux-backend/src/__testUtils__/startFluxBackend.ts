/**
 * The flux backend plugin in a real Backstage test backend (real HTTP),
 * with an in-memory catalog of the example's entities.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Entity } from '@backstage/catalog-model';
import { ServiceFactory } from '@backstage/backend-plugin-api';
import {
  EntityFluxStatus,
  entityStatusPath,
} from '@flux-portal/plugin-flux-common';
import fluxPlugin from '../index';
import {
  eventually,
  exampleEntities,
  kubernetesConfig,
} from './exampleCluster';

export interface FluxBackendUnderTest {
  url: string;
  get(path: string): Promise<{ status: number; body: any; text: string }>;
  post(
    path: string,
    body: unknown,
  ): Promise<{ status: number; body: any; text: string }>;
  /** GET of an entity's status; throws unless it answered 200. */
  statusOf(entity: Entity): Promise<EntityFluxStatus>;
  stop(): Promise<void>;
}

export async function startFluxBackend(options: {
  clusters: Array<{ name: string; url: string; token: string }>;
  flux?: Record<string, unknown>;
  entities?: Entity[];
  permissions?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  extraFeatures?: Array<ServiceFactory | Promise<{ default: unknown }> | any>;
}): Promise<FluxBackendUnderTest> {
  const backend = await startTestBackend({
    features: [
      fluxPlugin,
      mockServices.rootConfig.factory({
        data: {
          ...kubernetesConfig(options.clusters),
          flux: { requestTimeoutMs: 1500, maxBackoffMs: 500, ...options.flux },
        },
      }),
      catalogServiceMock.factory({
        entities: options.entities ?? (await exampleEntities()),
      }),
      ...(options.permissions !== undefined || !options.extraFeatures
        ? [
            mockServices.permissions.factory({
              result: options.permissions ?? AuthorizeResult.ALLOW,
            }),
          ]
        : []),
      ...(options.extraFeatures ?? []),
    ],
  });
  const address = backend.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}/api/flux`;
  const call = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${url}${path}`, init);
    const text = await res.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, body, text };
  };
  return {
    url,
    get: path => call(path),
    post: (path, body) =>
      call(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    statusOf: async entity => {
      const path = entityStatusPath({
        kind: entity.kind,
        namespace: entity.metadata.namespace,
        name: entity.metadata.name,
      });
      const res = await call(path);
      if (res.status !== 200) {
        throw new Error(`GET ${path} answered ${res.status}: ${res.text}`);
      }
      return res.body;
    },
    stop: () => backend.stop(),
  };
}

/** Reads server-sent events from a URL until `until` returns true. */
export async function readEvents(
  url: string,
  until: (
    event: { event: string; data: any },
    all: Array<{ event: string; data: any }>,
  ) => boolean,
  timeoutMs = 10000,
): Promise<Array<{ event: string; data: any }>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const events: Array<{ event: string; data: any }> = [];
  try {
    const res = await fetch(url, { signal: controller.signal });
    if (res.status !== 200)
      throw new Error(`stream answered ${res.status}: ${await res.text()}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as any) {
      buffer += decoder.decode(chunk, { stream: true });
      for (
        let end = buffer.indexOf('\n\n');
        end >= 0;
        end = buffer.indexOf('\n\n')
      ) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null');
        events.push({ event, data });
        if (until({ event, data }, events)) return events;
      }
    }
    throw new Error('stream ended');
  } catch (error) {
    if (controller.signal.aborted) {
      throw new Error(
        `stream condition not met within ${timeoutMs} ms; got ${events
          .map(e => e.event)
          .join(', ')}`,
      );
    }
    throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** Waits until the backend has listed every kind of its first cluster. */
export async function untilSynced(backend: FluxBackendUnderTest) {
  await eventually(
    async () => (await backend.get('/runtime')).body?.clusters?.[0]?.synced,
    15000,
    'cluster synced',
  );
}
