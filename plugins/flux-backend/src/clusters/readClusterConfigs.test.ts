import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigReader } from '@backstage/config';
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
          },
        ],
        { simulatedClusters: ['contour'] },
      ),
    );
    expect(cluster).toMatchObject({
      name: 'contour',
      url: 'https://10.0.0.1:6443',
      simulated: true,
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
    ).toThrow("authProvider 'oidc' is not supported");
  });

  it('is empty without configuration', () => {
    expect(readClusterConfigs(new ConfigReader({}))).toEqual([]);
  });
});
