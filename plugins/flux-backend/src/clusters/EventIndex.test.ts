import type { KubernetesObject } from '@kubernetes/client-node';
import { EventIndex } from './EventIndex';

const event = (name: string, about: string): KubernetesObject =>
  ({
    metadata: { namespace: 'flux-system', name },
    involvedObject: {
      kind: 'Kustomization',
      namespace: 'flux-system',
      name: about,
    },
  } as KubernetesObject);

describe('EventIndex', () => {
  it('finds Events by the object they are about, as they come and go', () => {
    const index = new EventIndex();
    const apps = {
      kind: 'Kustomization',
      namespace: 'flux-system',
      name: 'apps',
    };
    index.add(event('apps.1', 'apps'));
    index.add(event('apps.2', 'apps'));
    index.add(event('infra.1', 'infra'));
    // an update of an Event replaces it
    index.add(event('apps.2', 'apps'));
    expect(index.eventsFor(apps).map(e => e.metadata?.name)).toEqual([
      'apps.1',
      'apps.2',
    ]);
    index.remove(event('apps.1', 'apps'));
    index.remove(event('apps.2', 'apps'));
    expect(index.eventsFor(apps)).toEqual([]);
    expect(
      index.eventsFor({ ...apps, name: 'infra' }).map(e => e.metadata?.name),
    ).toEqual(['infra.1']);
  });
});
