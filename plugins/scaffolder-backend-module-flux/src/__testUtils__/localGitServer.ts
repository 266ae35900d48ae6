import { execFileSync } from 'node:child_process';
// The demo's git server (`git http-backend` over loopback), shared with
// `./portal start` and the browser tests. scripts/ is no package to depend
// on, and only tests import it (never the module's production code).
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { startLocalGitServer } from '../../../../scripts/local-git-server.mjs';
import { EXAMPLE_MONOREPO } from './exampleRepo';

/** Host name the tests give the local git server in repo-picker URLs. */
export const LOCAL_GIT_HOST = 'local-git';
export const LOCAL_GIT_REPO_URL = `${LOCAL_GIT_HOST}?owner=demo&repo=flux-monorepo`;

/**
 * A real git server on loopback for one test file: a bare repository in a
 * temp dir holding examples/flux-monorepo as one commit on `main`, served by
 * `git http-backend`. `requests` lists every request it answered;
 * `git(...)` runs git on the bare repository.
 */
export function useLocalGitServer() {
  const state = {
    baseUrl: '',
    repositoryUrl: '',
    bareDir: '',
    seedCommit: '',
    requests: [] as string[],
    stop: async () => {},
  };
  beforeAll(async () => {
    const server = await startLocalGitServer({
      port: 0,
      seedDir: EXAMPLE_MONOREPO,
      log: (line: string) => {
        if (!line.startsWith('listening')) state.requests.push(line.trim());
      },
    });
    Object.assign(state, server);
  });
  afterAll(() => state.stop());
  return {
    state,
    gitServers: () => [{ baseUrl: state.baseUrl, host: LOCAL_GIT_HOST }],
    git: (...args: string[]) =>
      execFileSync('git', ['--git-dir', state.bareDir, ...args], {
        encoding: 'utf8',
      }).trim(),
  };
}
