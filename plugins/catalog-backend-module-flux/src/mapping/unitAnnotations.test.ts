/*
 * The Flux annotations are written with flux-common's formatters; a value
 * they refuse is left out and reported, and the entity still ingests.
 */
import { createMemoryTree } from '@flux-portal/kustomize';
import {
  ANNOTATION_CLUSTERS,
  ANNOTATION_KUSTOMIZATION,
  ANNOTATION_KUSTOMIZATION_SHARED_BY,
  ANNOTATION_WORKLOADS,
  parseWorkloads,
} from '@flux-portal/plugin-flux-common';
import { ingestMonorepo } from './ingestMonorepo';
import { clusterEntry, kustomization } from '@flux-portal/test-utils';

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx
`;

async function shopAnnotations(workloadName: string) {
  const tree = createMemoryTree({
    ...clusterEntry('dev'),
    ...clusterEntry('prod'),
    'apps/kustomization.yaml': kustomization('shop'),
    'apps/shop/kustomization.yaml': kustomization('deployment.yaml'),
    'apps/shop/deployment.yaml': deployment(workloadName),
  });
  const { entities, problems } = await ingestMonorepo(tree);
  const shop = entities.find(e => e.metadata.name === 'shop');
  return { annotations: shop?.metadata.annotations ?? {}, problems };
}

describe('unit annotations', () => {
  it("are written in flux-common's formats", async () => {
    const { annotations, problems } = await shopAnnotations('web');
    expect(problems).toEqual([]);
    expect(annotations).toMatchObject({
      [ANNOTATION_CLUSTERS]: 'dev,prod',
      [ANNOTATION_KUSTOMIZATION]: 'flux-system/apps',
    });
    expect(parseWorkloads(annotations[ANNOTATION_WORKLOADS])).toEqual([
      { kind: 'Deployment', namespace: 'shop', name: 'web' },
    ]);
  });

  it('leave out and report a value flux-common cannot format', async () => {
    const { annotations, problems } = await shopAnnotations('Web_App');
    expect(annotations[ANNOTATION_WORKLOADS]).toBeUndefined();
    expect(annotations[ANNOTATION_CLUSTERS]).toBe('dev,prod');
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'annotation-invalid',
        severity: 'warning',
        file: 'apps/shop',
        message: expect.stringContaining(ANNOTATION_WORKLOADS),
      }),
    );
  });

  it('count the entities their Kustomization deploys, so status tells a shared deployer from their own', async () => {
    const tree = createMemoryTree({
      ...clusterEntry('dev'),
      'apps/kustomization.yaml': kustomization('shop', 'cart'),
      'apps/shop/kustomization.yaml': kustomization('deployment.yaml'),
      'apps/shop/deployment.yaml': deployment('web'),
      'apps/cart/kustomization.yaml': kustomization('deployment.yaml'),
      'apps/cart/deployment.yaml': deployment('cart').replace(
        'namespace: shop',
        'namespace: cart',
      ),
    });
    const { entities } = await ingestMonorepo(tree);
    const sharedBy = (name: string) =>
      entities.find(e => e.metadata.name === name)?.metadata.annotations?.[
        ANNOTATION_KUSTOMIZATION_SHARED_BY
      ];
    expect([sharedBy('shop'), sharedBy('cart')]).toEqual(['2', '2']);
  });
});
