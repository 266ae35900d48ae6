/*
 * Owners come out as full entity refs, whatever form the owner annotation,
 * CODEOWNERS or the configured default owner uses.
 */
import { createMemoryTree } from '@flux-portal/kustomize';
import { ingestMonorepo } from './ingestMonorepo';
import { clusterEntry, kustomization, service } from '@flux-portal/test-utils';

const ownedService = (name: string, owner?: string) =>
  service(name, name).replace(
    `  namespace: ${name}\n`,
    `  namespace: ${name}\n${
      owner ? `  annotations:\n    flux-portal.io/owner: ${owner}\n` : ''
    }`,
  );

const app = (name: string, owner?: string) => ({
  [`apps/${name}/kustomization.yaml`]: kustomization('service.yaml'),
  [`apps/${name}/service.yaml`]: ownedService(name, owner),
});

describe('owners', () => {
  it('are full entity refs from the annotation, CODEOWNERS and the default owner', async () => {
    const tree = createMemoryTree({
      ...clusterEntry('dev'),
      CODEOWNERS: 'apps/cart/ @Acme/Shop-Team\n',
      'apps/kustomization.yaml': kustomization('pay', 'jane', 'cart', 'misc'),
      ...app('pay', 'payments'),
      ...app('jane', 'user:jane'),
      ...app('cart'),
      ...app('misc'),
    });
    const { entities } = await ingestMonorepo(tree, { defaultOwner: 'ops' });
    const ownerOf = Object.fromEntries(
      entities.map(e => [`${e.kind}:${e.metadata.name}`, e.spec.owner]),
    );
    expect(ownerOf).toMatchObject({
      'Component:pay': 'group:default/payments',
      'Component:jane': 'user:default/jane',
      'Component:cart': 'group:default/shop-team',
      'Component:misc': 'group:default/ops',
      'Resource:dev': 'group:default/ops',
    });
  });
});
