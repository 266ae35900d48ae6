import { execFileSync } from 'node:child_process';
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

async function ingest(
  target: string,
  urlReader: UrlReaderService = mockServices.urlReader.mock(),
): Promise<Entity[]> {
  const entities: Entity[] = [];
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
      if (m.type === 'full') entities.push(...m.entities.map(e => e.entity));
    },
    async refresh() {},
  });
  await p.refresh();
  return entities;
}

const commitsOf = (entities: Entity[]) => [
  ...new Set(
    entities.map(e => e.metadata.annotations?.[ANNOTATION_SOURCE_COMMIT]),
  ),
];

describe('the commit the catalog read, on every entity', () => {
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
