import { mockCredentials } from '@backstage/backend-test-utils';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request to a test backend's catalog API as a signed-in user; the response as it came. */
export async function catalogRequest(
  server: Server,
  path: string,
  init: { method?: string; body?: unknown } = {},
) {
  const { port } = server.address() as AddressInfo;
  return fetch(`http://127.0.0.1:${port}/api/catalog${path}`, {
    method: init.method ?? 'GET',
    headers: {
      Authorization: mockCredentials.user.header(),
      'Content-Type': 'application/json',
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

export async function query(server: Server, path: string) {
  const res = await catalogRequest(server, path);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}

/** Polls until the catalog serves at least `count` processed entities for the filter. */
export async function waitForEntities(
  server: Server,
  filter: string,
  count: number,
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  let items: any[] = [];
  while (Date.now() < deadline) {
    items = (
      await query(server, `/entities/by-query?filter=${filter}&limit=500`)
    ).items;
    if (items.length >= count) return items;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(
    `expected ${count} entities for ${filter}, got ${items.length}`,
  );
}
