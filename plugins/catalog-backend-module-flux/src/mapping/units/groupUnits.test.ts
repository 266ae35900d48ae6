/*
 * Which folders become entities: Flux's own installation and folders of
 * plain configuration do not; a per-app ks.yaml's kustomize components are
 * part of that app.
 */
import { createMemoryTree } from '@flux-portal/kustomize';
import { loadMonorepo } from '@flux-portal/flux-engine';
import { groupUnits } from './groupUnits';
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
});
