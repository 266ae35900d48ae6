import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readClusterConfigs } from './readClusterConfigs';

const clusterConfig = (clusters: object[], flux?: object) =>
  new ConfigReader({
    kubernetes: {
      clusterLocatorMethods: [
        { type: 'catalog' },
        { type: 'config', clusters },
      ],
    },
    ...(flux ? { flux } : {}),
  });

describe('readClusterConfigs', () => {
  it("reads the Kubernetes plugin's config clusters: url, token, CA data, TLS verification", async () => {
    const [cluster] = readClusterConfigs(
      clusterConfig(
        [
          {
            name: 'contour',
            url: 'https://10.0.0.1:6443',
            authProvider: 'serviceAccount',
            serviceAccountToken: 'sa-token',
            caData: 'Q0EK',
            skipTLSVerify: false,
            title: 'Contour',
          },
        ],
        { clusters: { contour: { labels: { environment: 'simulated' } } } },
      ),
    );
    expect(cluster).toMatchObject({
      name: 'contour',
      url: 'https://10.0.0.1:6443',
      display: { title: 'Contour', labels: { environment: 'simulated' } },
    });
    const kc = cluster.kubeConfig;
    expect(kc.getCurrentCluster()).toMatchObject({
      server: 'https://10.0.0.1:6443',
      caData: 'Q0EK',
      skipTLSVerify: false,
    });
    const options: any = await kc.applyToFetchOptions({});
    expect(options.headers.get('Authorization')).toBe('Bearer sa-token');
  });

  it('reads every context of a kubeconfig file, or the listed ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flux-kubeconfig-'));
    const path = join(dir, 'config');
    writeFileSync(
      path,
      `apiVersion: v1
kind: Config
clusters:
- name: a
  cluster: { server: 'https://a.example:6443' }
- name: b
  cluster: { server: 'https://b.example:6443', insecure-skip-tls-verify: true }
users:
- name: u
  user: { token: t }
contexts:
- name: staging
  context: { cluster: a, user: u }
- name: prod
  context: { cluster: b, user: u }
current-context: staging
`,
    );
    const all = readClusterConfigs(
      new ConfigReader({ flux: { kubeconfig: { path } } }),
    );
    expect(all.map(c => [c.name, c.url])).toEqual([
      ['staging', 'https://a.example:6443'],
      ['prod', 'https://b.example:6443'],
    ]);
    const some = readClusterConfigs(
      new ConfigReader({ flux: { kubeconfig: { path, contexts: ['prod'] } } }),
    );
    expect(some.map(c => c.name)).toEqual(['prod']);
    expect(some[0].kubeConfig.getCurrentCluster()?.skipTLSVerify).toBe(true);
    expect(() =>
      readClusterConfigs(
        new ConfigReader({
          flux: { kubeconfig: { path, contexts: ['nope'] } },
        }),
      ),
    ).toThrow(`context 'nope' is not in ${path}`);
  });

  it('refuses duplicate names and auth providers it cannot use', () => {
    expect(() =>
      readClusterConfigs(
        clusterConfig([
          { name: 'x', url: 'https://x' },
          { name: 'x', url: 'https://y' },
        ]),
      ),
    ).toThrow("Cluster 'x' is configured twice");
    expect(() =>
      readClusterConfigs(
        clusterConfig([{ name: 'x', url: 'https://x', authProvider: 'oidc' }]),
      ),
    ).toThrow(
      "kubernetes.clusterLocatorMethods[1].clusters[0].authProvider: 'oidc' (cluster 'x') is not supported",
    );
  });

  it('refuses bad cluster config with an InputError naming the key', () => {
    const refusal = (config: ConfigReader) => {
      try {
        readClusterConfigs(config);
      } catch (error) {
        return error;
      }
      throw new Error('accepted');
    };
    const noUrl = refusal(clusterConfig([{ name: 'x' }]));
    expect(noUrl).toBeInstanceOf(InputError);
    expect((noUrl as Error).message).toContain(
      "'kubernetes.clusterLocatorMethods[1].clusters[0].url'",
    );
    const badTls = refusal(
      clusterConfig([{ name: 'x', url: 'https://x', skipTLSVerify: 'maybe' }]),
    );
    expect(badTls).toBeInstanceOf(InputError);
    expect((badTls as Error).message).toContain(
      "'kubernetes.clusterLocatorMethods[1].clusters[0].skipTLSVerify'",
    );
    const noFile = refusal(
      new ConfigReader({ flux: { kubeconfig: { path: '/nonexistent/kc' } } }),
    );
    expect(noFile).toBeInstanceOf(InputError);
    expect((noFile as Error).message).toContain(
      "flux.kubeconfig.path: cannot read '/nonexistent/kc'",
    );
  });

  it("shows clusters with flux.clusters' title and labels, its title before the Kubernetes plugin's", () => {
    const [a, b] = readClusterConfigs(
      clusterConfig(
        [
          { name: 'a', url: 'https://a', title: 'A (kubernetes)' },
          { name: 'b-1', url: 'https://b' },
        ],
        {
          clusters: {
            a: { title: 'A (flux)' },
            'b-1': { labels: { 'app.kubernetes.io/part-of': 'demo', tier: 2 } },
          },
        },
      ),
    );
    expect(a.display).toEqual({ title: 'A (flux)' });
    expect(b.display).toEqual({
      labels: { 'app.kubernetes.io/part-of': 'demo', tier: '2' },
    });
  });

  it('is empty without configuration', () => {
    expect(readClusterConfigs(new ConfigReader({}))).toEqual([]);
  });
});
