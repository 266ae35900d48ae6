/*
 * Which folders become entities: Flux's own installation and folders of
 * plain configuration do not; a per-app ks.yaml's kustomize components are
 * part of that app.
 */
import { createMemoryTree } from '@flux-portal/kustomize';
import { loadMonorepo } from '@flux-portal/flux-engine';
import { groupUnits } from './groupUnits';
import { DEFAULT_MAPPING_RULES } from '../rules/mappingRules';
import {
  clusterEntry,
  fluxKustomization,
  kustomization,
  namespace,
  service,
} from '@flux-portal/test-utils';

async function unitsOf(files: Record<string, string>) {
  const model = await loadMonorepo(createMemoryTree(files));
  expect(model.problems.filter(p => p.severity === 'error')).toEqual([]);
  return Object.fromEntries(
    groupUnits(model).map(u => [
      u.name,
      u.objects.map(o => `${o.object.kind}/${o.object.metadata?.name}`).sort(),
    ]),
  );
}

describe('groupUnits', () => {
  it("leaves out Flux's own installation and folders of only Namespaces, ConfigMaps and Secrets", async () => {
    const units = await unitsOf({
      ...clusterEntry('dev'),
      // what `flux bootstrap` writes: the controllers, and a Kustomization applying the cluster folder
      'clusters/dev/flux-system/kustomization.yaml': kustomization(
        'gotk-components.yaml',
        'gotk-sync.yaml',
      ),
      'clusters/dev/flux-system/gotk-sync.yaml': fluxKustomization(
        'flux-system',
        './clusters/dev',
      ),
      'clusters/dev/flux-system/gotk-components.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: source-controller
  namespace: flux-system
  labels:
    app.kubernetes.io/part-of: flux
    app.kubernetes.io/instance: flux-system
spec: {}
`,
      'apps/kustomization.yaml': kustomization(
        'shop',
        'namespaces',
        'settings',
      ),
      'apps/shop/kustomization.yaml': kustomization('service.yaml'),
      'apps/shop/service.yaml': service('shop', 'shop'),
      'apps/namespaces/kustomization.yaml': kustomization('namespace.yaml'),
      'apps/namespaces/namespace.yaml': namespace('shop'),
      'apps/settings/kustomization.yaml': kustomization('settings.yaml'),
      'apps/settings/settings.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata:\n  a: b\n`,
    });
    expect(units).toEqual({ shop: ['Service/shop'] });
  });

  it("folds a per-app Kustomization's components into that app", async () => {
    const units = await unitsOf({
      'clusters/dev/apps.yaml': fluxKustomization('apps', './apps'),
      'apps/kustomization.yaml': kustomization('echo/ks.yaml'),
      'apps/echo/ks.yaml': fluxKustomization('echo', './apps/echo/app').replace(
        '  prune: true\n',
        '  prune: true\n  components:\n    - ../../../components/status-page\n',
      ),
      'apps/echo/app/kustomization.yaml': kustomization('service.yaml'),
      'apps/echo/app/service.yaml': service('echo', 'default'),
      'components/status-page/kustomization.yaml':
        'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n  - probe.yaml\n',
      'components/status-page/probe.yaml': service('echo-probe', 'default'),
    });
    expect(units).toEqual({ echo: ['Service/echo', 'Service/echo-probe'] });
  });

  const helmRelease = (name: string, ns: string, chart: string) =>
    `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  chart:
    spec:
      chart: ${chart}
      sourceRef:
        kind: HelmRepository
        name: charts
        namespace: flux-system
`;

  it('makes each HelmRelease folder under a namespace folder an entity, infrastructure by its chart', async () => {
    const model = await loadMonorepo(
      createMemoryTree({
        'clusters/dev/apps.yaml': fluxKustomization(
          'apps',
          './kubernetes/apps',
        ),
        'kubernetes/apps/kustomization.yaml': kustomization(
          'default',
          'database',
        ),
        'kubernetes/apps/default/kustomization.yaml': kustomization(
          'namespace.yaml',
          'podinfo',
        ),
        'kubernetes/apps/default/namespace.yaml': namespace('default'),
        'kubernetes/apps/default/podinfo/kustomization.yaml':
          kustomization('helmrelease.yaml'),
        'kubernetes/apps/default/podinfo/helmrelease.yaml': helmRelease(
          'podinfo',
          'default',
          'podinfo',
        ),
        'kubernetes/apps/database/kustomization.yaml': kustomization('redis'),
        'kubernetes/apps/database/redis/kustomization.yaml':
          kustomization('helmrelease.yaml'),
        'kubernetes/apps/database/redis/helmrelease.yaml': helmRelease(
          'redis',
          'database',
          'redis',
        ),
      }),
    );
    const units = groupUnits(model).map(u => [u.name, u.folder, u.role]);
    expect(units.sort()).toEqual([
      ['podinfo', 'kubernetes/apps/default/podinfo', 'app'],
      ['redis', 'kubernetes/apps/database/redis', 'infrastructure'],
    ]);
  });

  it('follows the entity and role annotations and the configured roots', async () => {
    const annotated = (svc: string, annotations: string) =>
      service(svc, 'shop').replace(
        'metadata:\n',
        `metadata:\n  annotations:\n${annotations}`,
      );
    const model = await loadMonorepo(
      createMemoryTree({
        'clusters/dev/apps.yaml': fluxKustomization('apps', './apps'),
        'apps/kustomization.yaml': kustomization('shop', 'cart', 'tools'),
        'apps/shop/kustomization.yaml': kustomization('a.yaml', 'b.yaml'),
        'apps/shop/a.yaml': annotated(
          'cart-worker',
          '    flux-portal.io/entity: cart\n',
        ),
        'apps/shop/b.yaml': service('shop', 'shop'),
        'apps/cart/kustomization.yaml': kustomization('c.yaml'),
        'apps/cart/c.yaml': annotated(
          'cart',
          '    flux-portal.io/entity: cart\n',
        ),
        'apps/tools/kustomization.yaml': kustomization('x/s.yaml'),
        'apps/tools/x/s.yaml': annotated(
          'x',
          '    flux-portal.io/role: infrastructure\n',
        ),
      }),
    );
    expect(
      groupUnits(model)
        .map(u => [u.name, u.role])
        .sort(),
    ).toEqual([
      ['cart', 'app'],
      ['shop', 'app'],
      ['tools', 'infrastructure'],
    ]);
    // the annotated objects gather at the folder of the first of them
    expect(
      groupUnits(model)
        .find(u => u.name === 'cart')
        ?.objects.map(o => o.object.metadata?.name)
        .sort(),
    ).toEqual(['cart', 'cart-worker']);
    expect(
      groupUnits(model, undefined, {
        ...DEFAULT_MAPPING_RULES,
        appsRoots: ['apps/*'],
      })
        .map(u => u.name)
        .sort(),
    ).toEqual(['cart', 'shop', 'x']);
  });
});
