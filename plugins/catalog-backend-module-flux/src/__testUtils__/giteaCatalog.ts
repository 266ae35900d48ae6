import { readFileSync, writeFileSync } from 'node:fs';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import type { Knex } from 'knex';
import { catalogModuleFluxMonorepo } from '../module';
import { giteaPush } from '../events/__testUtils__/pushPayloads';
import { captureEvents } from './captureEvents';
import { copyExampleMonorepo } from './exampleMonorepo';
import { startGiteaServer } from './giteaServer';

/** The example monorepo's repository on the test Gitea, and its first commit. */
export const GITEA_REPO = 'acme/platform';
export const FIRST_COMMIT = '1111111111111111111111111111111111111111';

/**
 * A real catalog backend with this module and Backstage's real UrlReader,
 * reading a copy of the example monorepo from a loopback Gitea; `catalog` is
 * the backend's `catalog` config (it may name `target` by calling
 * `treeUrl`). `push` announces the branch on the events service as the
 * events backend's HTTP ingress would; `changeDjango` commits a new
 * description of one app, `unregisterApp` removes one from the apps list.
 */
export async function startGiteaCatalog(
  knex: Knex,
  catalog: (treeUrl: string) => object,
) {
  const dir = copyExampleMonorepo();
  const gitea = await startGiteaServer(GITEA_REPO, dir, FIRST_COMMIT);
  const captured = captureEvents();
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleFluxMonorepo,
      captured.module,
      mockServices.events.factory(),
      mockServices.database.factory({ knex }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootConfig.factory({
        data: {
          integrations: { gitea: [gitea.integration] },
          catalog: catalog(gitea.treeUrl(GITEA_REPO)),
        },
      }),
    ],
  });
  return {
    gitea,
    backend,
    push: (repo = GITEA_REPO) =>
      captured
        .events()
        .publish(giteaPush(repo, 'refs/heads/main', { base: gitea.baseUrl })),
    changeDjango(description: string, commit: string) {
      const file = `${dir}/apps/django/base/deployment.yaml`;
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('Core REST API', description),
      );
      gitea.push(dir, commit);
    },
    unregisterApp(name: string, commit: string) {
      const registry = `${dir}/apps/kustomization.yaml`;
      writeFileSync(
        registry,
        readFileSync(registry, 'utf8').replace(
          new RegExp(`^\\s*- ${name}\\s*$`, 'm'),
          '',
        ),
      );
      gitea.push(dir, commit);
    },
    async stop() {
      await backend.stop();
      await gitea.close();
    },
  };
}
