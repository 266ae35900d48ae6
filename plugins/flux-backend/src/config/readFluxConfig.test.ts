import { ConfigReader, JsonValue } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { FLUX_CONFIG_DEFAULTS, readFluxConfig } from './readFluxConfig';

const read = (flux: JsonValue) => readFluxConfig(new ConfigReader({ flux }));

/** The error readFluxConfig throws for this `flux` config. */
function refusal(flux: JsonValue): Error {
  try {
    read(flux);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as Error;
  }
  throw new Error(`accepted ${JSON.stringify(flux)}`);
}

describe('readFluxConfig', () => {
  it('gives every default without flux config', () => {
    expect(readFluxConfig(new ConfigReader({}))).toEqual({
      kubeconfig: undefined,
      inCluster: undefined,
      clusterDisplays: new Map(),
      requestTimeoutMs: 5000,
      maxBackoffMs: 30000,
      staleAfterIntervals: 3,
      eventsPerObject: 20,
    });
    expect(FLUX_CONFIG_DEFAULTS).toMatchObject({
      requestTimeoutMs: 5000,
      maxBackoffMs: 30000,
      staleAfterIntervals: 3,
      eventsPerObject: 20,
    });
  });

  it('reads every key, numbers also from strings (as ${VAR} substitution gives them)', () => {
    expect(
      read({
        kubeconfig: { path: '/etc/kubeconfig', contexts: ['prod'] },
        inCluster: { name: 'management' },
        clusters: {
          'prod-eu.1': { title: 'Production', labels: { tier: 'gold' } },
        },
        requestTimeoutMs: '1500',
        maxBackoffMs: 500,
        staleAfterIntervals: 0,
        eventsPerObject: 0,
      }),
    ).toEqual({
      kubeconfig: { path: '/etc/kubeconfig', contexts: ['prod'] },
      inCluster: { name: 'management' },
      clusterDisplays: new Map([
        ['prod-eu.1', { title: 'Production', labels: { tier: 'gold' } }],
      ]),
      requestTimeoutMs: 1500,
      maxBackoffMs: 500,
      staleAfterIntervals: 0,
      eventsPerObject: 0,
    });
  });

  it.each([
    [
      { requestTimeoutMs: 0 },
      'flux.requestTimeoutMs must be an integer of at least 1, not 0',
    ],
    [{ requestTimeoutMs: 'soon' }, 'flux.requestTimeoutMs must be an integer'],
    [{ requestTimeoutMs: 1.5 }, 'flux.requestTimeoutMs must be an integer'],
    [
      { maxBackoffMs: -1 },
      'flux.maxBackoffMs must be an integer of at least 1',
    ],
    [{ maxBackoffMs: [1] }, 'flux.maxBackoffMs must be an integer'],
    [
      { staleAfterIntervals: -2 },
      'flux.staleAfterIntervals must be a number of at least 0',
    ],
    [
      { staleAfterIntervals: true },
      'flux.staleAfterIntervals must be a number',
    ],
    [
      { eventsPerObject: 2.5 },
      'flux.eventsPerObject must be an integer of at least 0',
    ],
    [{ eventsPerObject: '' }, 'flux.eventsPerObject must be an integer'],
    [{ kubeconfig: '/etc/kubeconfig' }, "'flux.kubeconfig'"],
    [{ kubeconfig: {} }, "'flux.kubeconfig.path'"],
    [
      { kubeconfig: { path: '/k', contexts: 'prod' } },
      "'flux.kubeconfig.contexts'",
    ],
    [{ inCluster: true }, "'flux.inCluster'"],
    [{ inCluster: {} }, "'flux.inCluster.name'"],
    [{ clusters: ['a'] }, 'flux.clusters must be a map'],
    [{ clusters: { a: 'A' } }, 'flux.clusters.a must be an object'],
    [
      { clusters: { a: { title: 7 } } },
      'flux.clusters.a.title must be a non-empty string',
    ],
    [
      { clusters: { a: { labels: ['x'] } } },
      'flux.clusters.a.labels must be a map',
    ],
    [
      { clusters: { a: { labels: { env: { x: 1 } } } } },
      'flux.clusters.a.labels.env must be a string',
    ],
    [
      { clusters: { a: { lables: {} } } },
      'flux.clusters.a.lables is not a cluster display setting',
    ],
  ])('refuses %j with an InputError naming the key', (flux, message) => {
    expect(refusal(flux).message).toContain(message);
  });
});
