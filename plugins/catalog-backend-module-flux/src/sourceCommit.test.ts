import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_SOURCE_COMMIT,
  ANNOTATION_SOURCE_COMMIT_READ_AT,
} from '@flux-portal/plugin-flux-common';
import { FluxMonorepoEntityProvider } from './FluxMonorepoEntityProvider';
import { EntityCommits } from './sourceCommit';
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
    const first = await refresh();
    expect(commitsOf(first)).toEqual([COMMIT]);
    const readAtOf = (entities: Entity[], name: string) =>
      entities.find(e => e.metadata.name === name)?.metadata.annotations?.[
        ANNOTATION_SOURCE_COMMIT_READ_AT
      ];
    const firstReadAt = readAtOf(first, 'keycloak')!;
    expect(firstReadAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(
      new Set(
        first.map(
          e => e.metadata.annotations?.[ANNOTATION_SOURCE_COMMIT_READ_AT],
        ),
      ),
    ).toEqual(new Set([firstReadAt]));
    await new Promise(resolve => setTimeout(resolve, 5));

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
    // the read time goes with the commit: kept while unchanged, the new read's when changed
    expect(readAtOf(entities, 'keycloak')).toBe(firstReadAt);
    expect(readAtOf(entities, 'django')! > firstReadAt).toBe(true);
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

describe('EntityCommits', () => {
  const entity = (name: string, description: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, description },
    spec: { type: 'service', owner: 'team-a' },
  });
  const annotationsOf = (entities: Entity[]) =>
    Object.fromEntries(
      entities.map(e => [
        e.metadata.name,
        [
          e.metadata.annotations?.[ANNOTATION_SOURCE_COMMIT],
          e.metadata.annotations?.[ANNOTATION_SOURCE_COMMIT_READ_AT],
        ],
      ]),
    );
  const NEXT = 'fedcba9876543210fedcba9876543210fedcba98';
  const LAST = '89abcdef0123456789abcdef0123456789abcdef';

  function clocked() {
    let time = new Date('2026-12-06T07:30:00.000Z');
    const commits = new EntityCommits(() => time);
    return {
      at: (iso: string) => {
        time = new Date(iso);
      },
      refresh: (entities: Entity[], commit: string | undefined) => {
        const committed = commits.annotate(entities, commit);
        commits.remember(committed);
        return annotationsOf(committed.entities);
      },
    };
  }

  it('records the commit with the read time, keeps both while the content is unchanged, sets both when it changes', () => {
    const { at, refresh } = clocked();
    expect(
      refresh([entity('shop', 'v1'), entity('cart', 'v1')], COMMIT),
    ).toEqual({
      shop: [COMMIT, '2026-12-06T07:30:00.000Z'],
      cart: [COMMIT, '2026-12-06T07:30:00.000Z'],
    });
    at('2026-12-06T07:35:12.345Z');
    expect(refresh([entity('shop', 'v2'), entity('cart', 'v1')], NEXT)).toEqual(
      {
        shop: [NEXT, '2026-12-06T07:35:12.345Z'],
        cart: [COMMIT, '2026-12-06T07:30:00.000Z'],
      },
    );
    // a new entity gets this read; an unchanged one keeps its first read
    at('2026-12-06T07:40:00.000Z');
    expect(
      refresh(
        [entity('shop', 'v2'), entity('cart', 'v1'), entity('pay', 'v1')],
        LAST,
      ),
    ).toEqual({
      shop: [NEXT, '2026-12-06T07:35:12.345Z'],
      cart: [COMMIT, '2026-12-06T07:30:00.000Z'],
      pay: [LAST, '2026-12-06T07:40:00.000Z'],
    });
  });

  it('lists as changed what differs from the last remembered refresh: new entities, new content, a new commit annotation', () => {
    const commits = new EntityCommits();
    const changedNames = (entities: Entity[], commit: string | undefined) => {
      const committed = commits.annotate(entities, commit);
      commits.remember(committed);
      return committed.changed.map(e => e.metadata.name);
    };
    expect(
      changedNames([entity('shop', 'v1'), entity('cart', 'v1')], COMMIT),
    ).toEqual(['shop', 'cart']);
    expect(
      changedNames([entity('shop', 'v1'), entity('cart', 'v1')], NEXT),
    ).toEqual([]);
    expect(
      changedNames([entity('shop', 'v2'), entity('cart', 'v1')], LAST),
    ).toEqual(['shop']);
    // a read without a commit drops the annotations: every entity changes, then none
    expect(
      changedNames([entity('shop', 'v2'), entity('cart', 'v1')], undefined),
    ).toEqual(['shop', 'cart']);
    expect(
      changedNames([entity('shop', 'v2'), entity('cart', 'v1')], undefined),
    ).toEqual([]);
    expect(
      changedNames([entity('shop', 'v2'), entity('cart', 'v2')], undefined),
    ).toEqual(['cart']);
  });

  it('hashes the content only: the entities given stay without the annotations, so the next read compares content with content', () => {
    const { refresh } = clocked();
    const given = [entity('shop', 'v1')];
    refresh(given, COMMIT);
    expect(given[0].metadata.annotations).toBeUndefined();
    expect(refresh(given, NEXT)).toEqual({
      shop: [COMMIT, '2026-12-06T07:30:00.000Z'],
    });
  });

  it('after a restart (a new EntityCommits) records the commit it read, and now, on every entity', () => {
    const before = clocked();
    before.refresh([entity('shop', 'v1')], COMMIT);
    const after = clocked();
    after.at('2026-12-06T08:00:00.000Z');
    expect(after.refresh([entity('shop', 'v1')], NEXT)).toEqual({
      shop: [NEXT, '2026-12-06T08:00:00.000Z'],
    });
  });

  it('records nothing without a commit, and forgets what it recorded', () => {
    const { at, refresh } = clocked();
    refresh([entity('shop', 'v1')], COMMIT);
    expect(refresh([entity('shop', 'v1')], undefined)).toEqual({
      shop: [undefined, undefined],
    });
    at('2026-12-06T07:45:00.000Z');
    expect(refresh([entity('shop', 'v1')], NEXT)).toEqual({
      shop: [NEXT, '2026-12-06T07:45:00.000Z'],
    });
  });

  it('keeps only the entities of the last applied refresh', () => {
    const { at, refresh } = clocked();
    refresh([entity('shop', 'v1')], COMMIT);
    refresh([], NEXT);
    at('2026-12-06T07:50:00.000Z');
    expect(refresh([entity('shop', 'v1')], LAST)).toEqual({
      shop: [LAST, '2026-12-06T07:50:00.000Z'],
    });
  });
});
