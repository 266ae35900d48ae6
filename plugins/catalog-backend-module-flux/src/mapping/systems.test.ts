/*
 * Systems come from app.kubernetes.io/part-of (or flux-portal.io/system, else
 * the top folder); a part-of naming the service itself makes no System.
 */
import { createMemoryTree } from '@flux-portal/kustomize';
import { ingestMonorepo } from './ingestMonorepo';
import { clusterEntry, kustomization } from '@flux-portal/test-utils';

const serviceWith = (name: string, metadata: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: default\n${metadata}spec:\n  ports:\n    - port: 80\n`;

const app = (name: string, metadata: string) => ({
  [`apps/${name}/kustomization.yaml`]: kustomization('service.yaml'),
  [`apps/${name}/service.yaml`]: serviceWith(name, metadata),
});

const partOf = (group: string) =>
  `  labels:\n    app.kubernetes.io/part-of: ${group}\n`;

describe('systems', () => {
  it('groups by part-of, keeps annotated systems, and makes no System of a service labelled part-of itself', async () => {
    const tree = createMemoryTree({
      ...clusterEntry('dev'),
      'apps/kustomization.yaml': kustomization(
        'cart',
        'checkout',
        'solo',
        'pinned',
        'loose',
      ),
      ...app('cart', partOf('shop')),
      ...app('checkout', partOf('shop')),
      ...app('solo', partOf('solo')),
      ...app('pinned', `  annotations:\n    flux-portal.io/system: pinned\n`),
      ...app('loose', ''),
    });
    const { entities, problems } = await ingestMonorepo(tree);
    expect(problems.filter(p => p.severity === 'error')).toEqual([]);
    const systemOf = Object.fromEntries(
      entities
        .filter(e => e.kind === 'Component')
        .map(e => [e.metadata.name, e.spec.system ?? null]),
    );
    expect(systemOf).toEqual({
      cart: 'shop',
      checkout: 'shop',
      solo: null,
      pinned: 'pinned',
      loose: 'apps',
    });
    const systems = entities
      .filter(e => e.kind === 'System')
      .map(e => e.metadata.name);
    expect(systems.sort()).toEqual(['apps', 'pinned', 'shop']);
  });
});
