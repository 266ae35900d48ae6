/*
 * Forge API calls per pull request: runs the three actions for real against
 * the stateful fake GitHub and GitLab of the tests (msw), on the example
 * monorepo ("few files") and on the example grown by APPS copied services
 * and CLUSTERS copied clusters ("many files": a bigger archive to read and,
 * for add-infra, a HelmRepository edit in every cluster). Prints the calls
 * of the first run (new PR) and of a re-run (same inputs: PR updated), with
 * and without targetBranch. Target: constant, at most 8.
 *
 * Usage: yarn bench:forge [APPS=300] [CLUSTERS=10]
 */
import os from 'node:os';
import { setupServer } from 'msw/node';
import { createAddAppAction } from '../src/actions/addApp';
import { createAddClusterAction } from '../src/actions/addCluster';
import { createAddInfraAction } from '../src/actions/addInfra';
import {
  INVOICES_SERVICE,
  LOKI_COMPONENT,
  STAGING_CLUSTER,
} from '../src/__testUtils__/actionInputs';
import type { FakeForgeRepo } from '../src/__testUtils__/fakeForgeRepo';
import {
  GITHUB_REPO_URL,
  GITLAB_REPO_URL,
  fakeForges,
} from '../src/__testUtils__/fakeForges';

const APPS = Number(process.argv[2] ?? 300);
const CLUSTERS = Number(process.argv[3] ?? 10);

/** Grows the repository on main: copies of apps/notes and of clusters/contour. */
function grow(repo: FakeForgeRepo) {
  const files = repo.filesAt('main');
  const changes: Record<string, string> = {};
  const names: string[] = [];
  for (let i = 0; i < APPS; i++) {
    const name = `notes-copy-${i}`;
    names.push(name);
    for (const [file, text] of Object.entries(files)) {
      if (file.startsWith('apps/notes/')) {
        changes[file.replace('apps/notes/', `apps/${name}/`)] = text.replace(
          /\bnotes\b/g,
          name,
        );
      }
    }
  }
  changes['apps/kustomization.yaml'] = `${files[
    'apps/kustomization.yaml'
  ].trimEnd()}\n${names.map(n => `- ${n}`).join('\n')}\n`;
  for (let i = 0; i < CLUSTERS; i++) {
    for (const [file, text] of Object.entries(files)) {
      if (file.startsWith('clusters/contour/'))
        changes[file.replace('clusters/contour/', `clusters/contour-${i}/`)] =
          text;
    }
  }
  repo.push('main', changes, 'grow');
}

const ACTIONS = {
  'add-app': {
    action: createAddAppAction,
    input: INVOICES_SERVICE,
  },
  'add-infra': {
    action: createAddInfraAction,
    input: LOKI_COMPONENT,
  },
  'add-cluster': {
    action: createAddClusterAction,
    input: STAGING_CLUSTER,
  },
} as const;

const logger = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child: () => logger,
};

/** Runs an action for real once; the forge calls it made and the files it changed. */
async function runOnce(
  action: any,
  forges: unknown,
  input: Record<string, unknown>,
  repo: FakeForgeRepo,
) {
  const outputs: Record<string, unknown> = {};
  const before = repo.calls.length;
  await action({ forges }).handler({
    input,
    workspacePath: `${os.tmpdir()}/no-checkout`,
    logger,
    output: (k: string, v: unknown) => {
      outputs[k] = v;
    },
  });
  return {
    calls: repo.calls.length - before,
    changed: (outputs.files as string[]).length,
  };
}

async function main() {
  const server = setupServer();
  server.listen({ onUnhandledRequest: 'error' });
  console.log(
    `forge API calls per pull request (many files: +${APPS} apps, +${CLUSTERS} clusters)`,
  );
  console.log(
    'forge   action       repo   files  changed  new PR  re-run  new PR, targetBranch given',
  );
  for (const forge of ['GitHub', 'GitLab'] as const) {
    for (const [id, { action, input }] of Object.entries(ACTIONS)) {
      for (const size of ['few', 'many'] as const) {
        const counts: number[] = [];
        let changed = 0;
        let repoFiles = 0;
        for (const targetBranch of [undefined, 'main']) {
          const fakes = fakeForges();
          server.resetHandlers(...fakes.handlers);
          const repo = forge === 'GitHub' ? fakes.github : fakes.gitlab;
          if (size === 'many') grow(repo);
          repoFiles = Object.keys(repo.filesAt('main')).length;
          const run = () =>
            runOnce(
              action,
              fakes.forges,
              {
                repoUrl: forge === 'GitHub' ? GITHUB_REPO_URL : GITLAB_REPO_URL,
                targetBranch,
                ...input,
              },
              repo,
            );
          let calls: number;
          ({ calls, changed } = await run());
          counts.push(calls);
          if (!targetBranch) counts.push((await run()).calls);
          if (repo.pulls.length !== 1)
            throw new Error(
              `${forge} ${id}: ${repo.pulls.length} pull requests`,
            );
        }
        console.log(
          `${forge.padEnd(7)} ${id.padEnd(12)} ${size.padEnd(5)} ${String(
            repoFiles,
          ).padStart(6)} ${String(changed).padStart(8)} ${String(
            counts[0],
          ).padStart(7)} ${String(counts[1]).padStart(7)} ${String(
            counts[2],
          ).padStart(7)}`,
        );
      }
    }
  }
  server.close();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
