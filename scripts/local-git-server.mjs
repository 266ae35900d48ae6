/*
 * The demo's git target: bare repositories served over git's own smart HTTP
 * (`git http-backend` run as CGI) on loopback, so the scaffolder templates can
 * push a branch without any forge token. Used by `./portal start`
 * (scripts/start-portal.mjs), the browser tests (e2e-tests/support/portal.mjs)
 * and the scaffolder module's tests; production code never imports it.
 *
 * Node built-ins and the git binary only; no `import.meta`, so Jest's
 * transform can load it too.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Author and date of the seed commit: the same tree gives the same commit id. */
const SEED_ENV = {
  GIT_AUTHOR_NAME: 'Flux Portal demo',
  GIT_AUTHOR_EMAIL: 'demo@flux-portal.invalid',
  GIT_COMMITTER_NAME: 'Flux Portal demo',
  GIT_COMMITTER_EMAIL: 'demo@flux-portal.invalid',
  GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z',
};

const git = (args, options = {}) =>
  execFileSync('git', args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
    env: { ...process.env, ...options.env },
  }).trim();

/**
 * Creates the bare repository `<root>/<name>` with one commit on `branch`
 * holding the files of `seedDir` (git's ignore rules apply); pushes over
 * HTTP are allowed. Returns the commit id.
 */
export function createSeededBareRepository({
  root,
  name,
  seedDir,
  branch = 'main',
  message = 'Initial commit: the example Flux monorepo',
}) {
  const bare = join(root, name);
  mkdirSync(bare, { recursive: true });
  git(['init', '--quiet', '--bare', `--initial-branch=${branch}`, bare]);
  git(['config', 'http.receivepack', 'true'], { cwd: bare });
  const index = join(bare, 'seed-index');
  const env = { GIT_DIR: bare, GIT_WORK_TREE: seedDir, GIT_INDEX_FILE: index };
  git(['add', '--all', '.'], { cwd: seedDir, env });
  const tree = git(['write-tree'], { env });
  const commit = git(['commit-tree', tree, '-m', message], {
    env: { ...env, ...SEED_ENV },
  });
  git(['update-ref', `refs/heads/${branch}`, commit], { env });
  rmSync(index, { force: true });
  return commit;
}

/** The CGI response of git http-backend: headers (with `Status:`) then the body. */
function pipeCgiResponse(child, res) {
  let head = Buffer.alloc(0);
  let headersDone = false;
  child.stdout.on('data', chunk => {
    if (headersDone) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) return;
    headersDone = true;
    let status = 200;
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      const key = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (key.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else res.setHeader(key, value);
    }
    res.writeHead(status);
    res.write(head.subarray(end + 4));
  });
  child.stdout.on('end', () => {
    if (!headersDone) res.writeHead(502);
    res.end();
  });
}

/** One request handed to `git http-backend` as CGI. */
function serveGit(root, req, res) {
  const url = new URL(req.url, 'http://localhost');
  const env = {
    PATH: process.env.PATH,
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    REQUEST_METHOD: req.method,
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.slice(1),
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
    REMOTE_USER: 'flux-portal-demo',
    GIT_PROTOCOL: req.headers['git-protocol'] ?? '',
    HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
  };
  if (req.headers['content-length'])
    env.CONTENT_LENGTH = req.headers['content-length'];
  const child = spawn('git', ['http-backend'], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const errors = [];
  child.stderr.on('data', chunk => errors.push(chunk));
  child.on('error', error => {
    if (!res.headersSent) res.writeHead(500);
    res.end(String(error.message));
  });
  child.on('exit', code => {
    if (code) {
      process.stderr.write(
        `[local git] ${req.method} ${
          req.url
        }: git http-backend exited ${code} ${Buffer.concat(errors)}\n`,
      );
    }
  });
  req.pipe(child.stdin);
  pipeCgiResponse(child, res);
}

/**
 * Starts the git server on `host:port` (port 0: any free one) serving every
 * bare repository under `root` (a fresh temporary folder when absent,
 * removed on stop), after seeding `<root>/<repository>` from `seedDir` when
 * given. Resolves to `{ baseUrl, repositoryUrl, root, bareDir, seedCommit, stop }`.
 */
export async function startLocalGitServer({
  host = '127.0.0.1',
  port = 7790,
  root,
  seedDir,
  repository = 'demo/flux-monorepo.git',
  branch = 'main',
  log = () => {},
} = {}) {
  const ownRoot = root === undefined;
  const dir = root ?? mkdtempSync(join(tmpdir(), 'flux-portal-git-'));
  const seedCommit = seedDir
    ? createSeededBareRepository({
        root: dir,
        name: repository,
        seedDir,
        branch,
      })
    : undefined;
  const server = createServer((req, res) => {
    log(`${req.method} ${req.url}\n`);
    serveGit(dir, req, res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const baseUrl = `http://${host}:${server.address().port}/`;
  log(`listening on ${baseUrl} (repositories in ${dir})\n`);
  const stop = () =>
    new Promise(resolve => {
      server.closeAllConnections?.();
      server.close(() => {
        if (ownRoot) rmSync(dir, { recursive: true, force: true });
        resolve();
      });
    });
  return {
    baseUrl,
    repositoryUrl: `${baseUrl}${repository}`,
    root: dir,
    bareDir: join(dir, repository),
    seedCommit,
    stop,
  };
}
