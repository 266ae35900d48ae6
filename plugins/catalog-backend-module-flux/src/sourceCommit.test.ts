import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { ANNOTATION_SOURCE_COMMIT } from '@flux-portal/plugin-flux-common';
import { FluxMonorepoEntityProvider } from './FluxMonorepoEntityProvider';
import {
  copyExampleMonorepo,
  EXAMPLE_MONOREPO,
} from './__testUtils__/exampleMonorepo';
import { folderUrlReader } from './__testUtils__/folderUrlReader';

jest.setTimeout(60_000);

const COMMIT = '0123456789abcdef0123456789abcdef01234567';

/** A provider on `target`; each call of the returned function refreshes it and gives the entities applied. */
async function provider(
  target: string,
  urlReader: UrlReaderService = mockServices.urlReader.mock(),
): Promise<() => Promise<Entity[]>> {
  let entities: Entity[] = [];
  const p = new FluxMonorepoEntityProvider({
    config: {
      id: 'test',
      target,
      maxRemovalShare: 0.5,
      schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
    },
    logger: mockServices.logger.mock(),
    urlReader,
    integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
  });
  await p.connect({
    async applyMutation(m) {
      if (m.type === 'full') entities = m.entities.map(e => e.entity);
    },
    async refresh() {},
  });
  return async () => {
    entities = [];
    await p.refresh();
    return entities;
  };
}

async function ingest(target: string, urlReader?: UrlReaderService) {
  return (await provider(target, urlReader))();
}

const commitsOf = (entities: Entity[]) => [
  ...new Set(
    entities.map(e => e.metadata.annotations?.[ANNOTATION_SOURCE_COMMIT]),
  ),
];

describe('the commit the catalog read, on every entity', () => {
  it('keeps an unchanged entity at the commit its content was first read at; a changed one gets the new commit', async () => {
    const dir = copyExampleMonorepo();
    const NEXT = 'fedcba9876543210fedcba9876543210fedcba98';
    let reader = folderUrlReader(dir, COMMIT).urlReader;
    const refresh = await provider(
      'https://github.com/acme/platform/tree/main',
      mockServices.urlReader.mock({
        readTree: (url, options) => reader.readTree(url, options),
      }),
    );
    expect(commitsOf(await refresh())).toEqual([COMMIT]);

    // one app changes in the next commit
    const file = `${dir}/apps/django/base/deployment.yaml`;
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('Core REST API', 'Core API'),
    );
    reader = folderUrlReader(dir, NEXT).urlReader;
    const entities = await refresh();
    const commitOf = (name: string) =>
      entities.find(e => e.metadata.name === name)?.metadata.annotations?.[
        ANNOTATION_SOURCE_COMMIT
      ];
    expect(entities.length).toBeGreaterThan(50);
    expect(
      entities.find(e => e.metadata.name === 'django')?.metadata.description,
    ).toMatch(/^Core API/);
    expect(commitOf('django')).toBe(NEXT);
    expect(
      entities.filter(
        e => e.metadata.annotations?.[ANNOTATION_SOURCE_COMMIT] === NEXT,
      ),
    ).toHaveLength(1);
    expect(commitOf('keycloak')).toBe(COMMIT);
  });

  it("records a URL target's ETag when the reader gives the commit (GitHub, GitLab, Gitea, Bitbucket)", async () => {
    const entities = await ingest(
      'https://github.com/acme/platform/tree/main',
      folderUrlReader(EXAMPLE_MONOREPO, COMMIT).urlReader,
    );
    expect(entities.length).toBeGreaterThan(50);
    expect(commitsOf(entities)).toEqual([COMMIT]);
  });

  it('records nothing for an ETag that is no commit', async () => {
    const entities = await ingest(
      'https://github.com/acme/platform/tree/main',
      folderUrlReader(EXAMPLE_MONOREPO, 'etag-1').urlReader,
    );
    expect(commitsOf(entities)).toEqual([undefined]);
  });

  it("records a local folder's Git HEAD, and nothing outside a Git checkout", async () => {
    const dir = copyExampleMonorepo();
    expect(commitsOf(await ingest(dir))).toEqual([undefined]);
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
    git('init', '-q');
    git('add', '.');
    git(
      '-c',
      'user.name=test',
      '-c',
      'user.email=test@example.com',
      'commit',
      '-q',
      '-m',
      'monorepo',
    );
    expect(commitsOf(await ingest(dir))).toEqual([git('rev-parse', 'HEAD')]);
  });
});
