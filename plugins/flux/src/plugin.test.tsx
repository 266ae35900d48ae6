import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import fluxPlugin from './index';

describe('fluxPlugin', () => {
  it('installs the API, the entity tab and card, the Flux page and the catalog filter', () => {
    // The ids are type-checked against the plugin's extension map, and the README lists them.
    const ids = [
      fluxPlugin.getExtension('api:flux'),
      fluxPlugin.getExtension('entity-content:flux/flux'),
      fluxPlugin.getExtension('entity-card:flux/status'),
      fluxPlugin.getExtension('page:flux'),
      fluxPlugin.getExtension('catalog-filter:flux/flux-state'),
    ].map(extension => (extension as unknown as { kind: string }).kind);
    expect(ids).toEqual([
      'api',
      'entity-content',
      'entity-card',
      'page',
      'catalog-filter',
    ]);
  });

  it('shows the tab only for entities with the clusters annotation', () => {
    const tester = createExtensionTester(
      fluxPlugin.getExtension('entity-content:flux/flux'),
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    const entity = (annotations: Record<string, string>) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'shop', annotations },
    });
    expect(filter(entity({ 'flux-portal.io/clusters': 'prod' }))).toBe(true);
    expect(filter(entity({}))).toBe(false);
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Flux');
  });
});
