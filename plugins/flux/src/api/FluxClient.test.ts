import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import type { EntityFluxStatus } from '@flux-portal/plugin-flux-common';
import { FluxClient } from './FluxClient';

const base = 'http://backstage.test/api/flux';
const server = setupServer();
registerMswTestHooks(server);

function client(token = 'secret') {
  return new FluxClient({
    discoveryApi: { getBaseUrl: async () => base },
    fetchApi: {
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set('Authorization', `Bearer ${token}`);
        return fetch(input, { ...init, headers });
      },
    },
  });
}

function status(generatedAt: string): EntityFluxStatus {
  return {
    entityRef: 'component:default/shop',
    state: 'Ready',
    clusters: [],
    generatedAt,
  };
}

describe('FluxClient', () => {
  it('reads an entity status with the token, at the shared REST path', async () => {
    server.use(
      http.get(
        `${base}/entities/component/default/shop/status`,
        ({ request }) =>
          request.headers.get('authorization') === 'Bearer secret'
            ? HttpResponse.json(status('2026-01-01T00:00:00Z'))
            : new HttpResponse(null, { status: 401 }),
      ),
    );
    await expect(
      client().getEntityStatus({ kind: 'Component', name: 'shop' }),
    ).resolves.toEqual(status('2026-01-01T00:00:00Z'));
  });

  it.each([
    [
      'a full Backstage error body',
      {
        error: {
          name: 'ConflictError',
          message: 'Kustomization flux-system/shop is suspended',
        },
        request: { method: 'POST', url: '/actions/reconcile' },
        response: { statusCode: 409 },
      },
    ],
    [
      'a bare error body',
      {
        error: {
          name: 'ConflictError',
          message: 'Kustomization flux-system/shop is suspended',
        },
      },
    ],
  ])(
    'posts actions and surfaces the message of %s',
    async (_shape, errorBody) => {
      let body: unknown;
      server.use(
        http.post(
          `${base}/entities/component/default/shop/actions/reconcile`,
          async ({ request }) => {
            body = await request.json();
            return HttpResponse.json(errorBody, { status: 409 });
          },
        ),
      );
      const request = {
        cluster: 'prod',
        kind: 'Kustomization',
        namespace: 'flux-system',
        name: 'shop',
        withSource: true,
      };
      const failure = client().runAction(
        { kind: 'Component', name: 'shop' },
        'reconcile',
        request,
      );
      await expect(failure).rejects.toThrow(
        /^Kustomization flux-system\/shop is suspended$/,
      );
      await expect(failure).rejects.toMatchObject({ statusCode: 409 });
      expect(body).toEqual(request);
    },
  );

  it('asks what an action would touch at its impact path, with the object as the body', async () => {
    let body: unknown;
    const impact = {
      action: 'suspend',
      object: {
        cluster: 'prod',
        kind: 'Kustomization',
        namespace: 'flux-system',
        name: 'apps',
      },
      entities: 34,
      owners: ['group:default/a', 'group:default/b'],
      denied: 0,
      deniedExamples: [],
    };
    server.use(
      http.post(
        `${base}/entities/component/default/shop/actions/suspend/impact`,
        async ({ request }) => {
          body = await request.json();
          return HttpResponse.json(impact);
        },
      ),
    );
    await expect(
      client().getActionImpact(
        { kind: 'Component', name: 'shop' },
        'suspend',
        impact.object,
      ),
    ).resolves.toEqual(impact);
    expect(body).toEqual(impact.object);
  });

  it('keeps the status line when the error body is not JSON', async () => {
    server.use(
      http.get(
        `${base}/runtime`,
        () => new HttpResponse('upstream timeout', { status: 504 }),
      ),
    );
    await expect(client().getRuntime()).rejects.toThrow(/504/);
  });

  it('sends object filters as query parameters and entity refs as a JSON body', async () => {
    let query = '';
    server.use(
      http.get(`${base}/objects`, ({ request }) => {
        query = new URL(request.url).search;
        return HttpResponse.json({ items: [], errors: [] });
      }),
      http.post(`${base}/entity-states`, async ({ request }) =>
        HttpResponse.json({
          states: Object.fromEntries(
            ((await request.json()) as any).entityRefs.map((r: string) => [
              r,
              'Failed',
            ]),
          ),
        }),
      ),
    );
    await client().listObjects({
      cluster: 'prod',
      state: 'Failed',
      q: 'shop api',
    });
    expect(query).toBe('?cluster=prod&state=Failed&q=shop+api');
    await expect(
      client().getEntityStates(['component:default/a']),
    ).resolves.toEqual({
      states: { 'component:default/a': 'Failed' },
    });
  });

  it('streams status events with the token and reconnects after the stream ends', async () => {
    const encoder = new TextEncoder();
    let connections = 0;
    server.use(
      http.get(`${base}/stream`, ({ request }) => {
        connections++;
        expect(new URL(request.url).searchParams.get('entityRef')).toBe(
          'component:default/shop',
        );
        expect(request.headers.get('authorization')).toBe('Bearer secret');
        const n = connections;
        const stream = new ReadableStream({
          start(controller) {
            controller.enqueue(
              encoder.encode(
                `event: ping\ndata: {}\n\nevent: status\ndata: ${JSON.stringify(
                  status(`2026-01-01T00:00:0${n}Z`),
                )}`,
              ),
            );
            controller.enqueue(encoder.encode('\n\n'));
            controller.close();
          },
        });
        return new HttpResponse(stream, {
          headers: { 'Content-Type': 'text/event-stream' },
        });
      }),
    );
    jest.useFakeTimers({ advanceTimers: true });
    const received: string[] = [];
    const connectionStates: string[] = [];
    const stop = client().streamEntityStatus('component:default/shop', {
      onData: s => received.push(s.generatedAt),
      onConnection: c => connectionStates.push(c),
    });
    try {
      for (let i = 0; i < 200 && received.length < 2; i++) {
        await jest.advanceTimersByTimeAsync(100);
      }
    } finally {
      stop();
      jest.useRealTimers();
    }
    expect(received.slice(0, 2)).toEqual([
      '2026-01-01T00:00:01Z',
      '2026-01-01T00:00:02Z',
    ]);
    expect(connectionStates.slice(0, 3)).toEqual([
      'open',
      'reconnecting',
      'open',
    ]);
  });
});
