/*
 * Provider config: defaults, and an InputError naming the key for every
 * kind of bad value, so the backend stops at start-up saying what to fix.
 */
import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readProviderConfigs } from './config';
import { DEFAULT_MAPPING_RULES } from './mapping/rules/mappingRules';

const KEY = 'catalog.providers.fluxMonorepo.example';

/** A config value as ConfigReader takes it. */
type ConfigValue = NonNullable<
  ConstructorParameters<typeof ConfigReader>[0]
>[string];

function read(provider: ConfigValue) {
  return readProviderConfigs(
    new ConfigReader({
      catalog: { providers: { fluxMonorepo: { example: provider } } },
    }),
  );
}

function inputErrorOf(provider: ConfigValue): InputError {
  try {
    read(provider);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('the config was accepted');
}

describe('readProviderConfigs', () => {
  it('reads a provider with its defaults, and none without the key', () => {
    expect(readProviderConfigs(new ConfigReader({}))).toEqual([]);
    expect(read({ target: '../../examples/flux-monorepo' })).toEqual([
      {
        id: 'example',
        target: '../../examples/flux-monorepo',
        maxRemovalShare: 0.5,
        schedule: {
          frequency: { minutes: 5 },
          timeout: { minutes: 3 },
          initialDelay: { seconds: 3 },
        },
        mapping: DEFAULT_MAPPING_RULES,
      },
    ]);
    expect(
      read({
        target: 'https://github.com/acme/platform/tree/main',
        repositoryUrl: 'https://github.com/acme/platform/tree/main',
        path: 'clusters/contour',
        clusters: ['contour'],
        defaultOwner: 'platform-team',
        maxRemovalShare: 0.2,
        schedule: { frequency: { minutes: 1 }, timeout: { seconds: 30 } },
      })[0],
    ).toMatchObject({
      repositoryUrl: 'https://github.com/acme/platform/tree/main',
      clusters: ['contour'],
      defaultOwner: 'platform-team',
      maxRemovalShare: 0.2,
      schedule: { frequency: { minutes: 1 }, timeout: { seconds: 30 } },
    });
  });

  it.each([
    ['a missing target', {}, `${KEY}.target`],
    ['a target of the wrong type', { target: 42 }, `${KEY}.target`],
    ['a blank target', { target: '  ' }, `${KEY}.target`],
    [
      'a relative repositoryUrl',
      { target: 't', repositoryUrl: 'acme/platform' },
      `${KEY}.repositoryUrl`,
    ],
    [
      'clusters that are not a list',
      { target: 't', clusters: 'contour' },
      `${KEY}.clusters`,
    ],
    [
      'an owner that is no entity ref',
      { target: 't', defaultOwner: 'group:Platform Team' },
      `${KEY}.defaultOwner`,
    ],
    [
      'a removal share above 1',
      { target: 't', maxRemovalShare: 2 },
      `${KEY}.maxRemovalShare`,
    ],
    [
      'a removal share that is no number',
      { target: 't', maxRemovalShare: 'half' },
      `${KEY}.maxRemovalShare`,
    ],
    [
      'a schedule without a frequency',
      { target: 't', schedule: { timeout: { minutes: 1 } } },
      `${KEY}.schedule`,
    ],
    [
      'mapping apps roots that are not a list',
      { target: 't', mapping: { appsRoots: 'kubernetes/apps' } },
      `${KEY}.mapping.appsRoots`,
    ],
    [
      'a mapping override of an unknown kind',
      { target: 't', mapping: { overrides: { cilium: { kind: 'System' } } } },
      `${KEY}.mapping.overrides.cilium.kind`,
    ],
    [
      'a cluster name that is no entity name',
      { target: 't', mapping: { clusterNames: { cluster: 'home lab' } } },
      `${KEY}.mapping.clusterNames.cluster`,
    ],
    [
      'an unknown owner source',
      { target: 't', mapping: { ownerSources: ['git-blame'] } },
      `${KEY}.mapping.ownerSources`,
    ],
    [
      'an unknown mapping key',
      { target: 't', mapping: { appRoots: ['apps'] } },
      `${KEY}.mapping`,
    ],
    [
      'a provider that is not an object',
      'https://github.com/acme/platform',
      KEY,
    ],
  ])('names the key for %s', (_what, provider, key) => {
    expect(inputErrorOf(provider).message).toContain(key);
  });

  it('reads mapping rules, filling in what is left out', () => {
    expect(
      read({
        target: 't',
        mapping: {
          appsRoots: ['./kubernetes/apps/*/'],
          overrides: { cilium: { kind: 'Resource', type: 'cni' } },
          ownerSources: ['label:team', 'codeowners'],
          clusterNames: { cluster: 'home' },
        },
      })[0].mapping,
    ).toEqual({
      appsRoots: ['kubernetes/apps/*'],
      infrastructureRoots: [],
      overrides: { cilium: { kind: 'Resource', type: 'cni' } },
      ownerSources: ['label:team', 'codeowners'],
      clusterNames: { cluster: 'home' },
    });
  });
});
