/**
 * A loopback HTTP server answering the two Gitea API calls Backstage's
 * GiteaUrlReader makes for `readTree`: the branch's latest commit (its ETag)
 * and the branch archive (a real tar.gz made with the system's tar). One
 * repository, `owner/name` on branch `main`; everything else is a 404, and
 * `owner/broken` answers 500, for the error paths. `push()` replaces the
 * branch's content and commit, as a push to the repository would.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GiteaServer {
  baseUrl: string;
  /** `integrations.gitea` config for this server */
  integration: { host: string; baseUrl: string };
  /** the browse URL of `repo` on branch main, the form UrlReader targets take */
  treeUrl(repo: string): string;
  requests: string[];
  /** the branch's commit now */
  commit(): string;
  /** Makes `folder` the branch's content at commit `sha`. */
  push(folder: string, sha: string): void;
  close(): Promise<void>;
}

/** A forge's archive of `folder` (tar.gz): one top folder, as `git archive --prefix` makes. */
export function archiveOf(folder: string): Buffer {
  const work = mkdtempSync(join(tmpdir(), 'flux-gitea-'));
  try {
    cpSync(folder, join(work, 'archive-main'), { recursive: true });
    return execFileSync(
      'tar',
      ['-czf', '-', '-C', work, 'archive-main'],
      // a 10,000-app repository's archive is tens of megabytes
      { maxBuffer: 1 << 30 },
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function startGiteaServer(
  repo: string,
  folder: string,
  commit = 'c0ffee',
): Promise<GiteaServer> {
  let archive = archiveOf(folder);
  let sha = commit;
  const requests: string[] = [];

  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    // no keep-alive: push() blocks this process while it archives, and a
    // client reusing a connection the server is closing meanwhile gets a reset
    res.setHeader('Connection', 'close');
    const prefix = `/api/v1/repos/${repo}`;
    if (req.url?.startsWith('/api/v1/repos/owner/broken/')) {
      res.writeHead(500).end('internal error');
    } else if (req.url === `${prefix}/git/commits/main`) {
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ sha }));
    } else if (req.url === `${prefix}/archive/main.tar.gz`) {
      res.writeHead(200, { 'Content-Type': 'application/gzip' }).end(archive);
    } else {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    integration: { host: `127.0.0.1:${port}`, baseUrl },
    treeUrl: name => `${baseUrl}/${name}/src/branch/main`,
    requests,
    commit: () => sha,
    push(next, nextSha) {
      archive = archiveOf(next);
      sha = nextSha;
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
