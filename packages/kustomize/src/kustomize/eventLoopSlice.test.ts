/*
 * A render of a large in-memory tree (no I/O to wait for) still lets the
 * event loop run: timers fire during it, and it renders the same objects.
 */
import { createMemoryTree } from '../tree';
import { renderKustomization } from './renderKustomization';

function largeTree(apps: number) {
  const files: Record<string, string> = {
    'kustomization.yaml': `resources:\n${Array.from(
      { length: apps },
      (_, i) => `  - app-${i}\n`,
    ).join('')}`,
  };
  for (let i = 0; i < apps; i++) {
    files[`app-${i}/kustomization.yaml`] =
      'namespace: shop\nresources:\n  - configmap.yaml\n';
    files[
      `app-${i}/configmap.yaml`
    ] = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-${i}\ndata:\n  index: "${i}"\n`;
  }
  return createMemoryTree(files);
}

describe('rendering a large tree', () => {
  it('lets timers fire while it renders', async () => {
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 1);
    try {
      const result = await renderKustomization(largeTree(3000), '.');
      expect(result.objects).toHaveLength(3000);
      expect(
        result.objects.find(o => o.object.metadata?.name === 'app-2999')
          ?.object,
      ).toMatchObject({
        metadata: { namespace: 'shop' },
        data: { index: '2999' },
      });
      // without the slices no timer could fire: nothing here waits for I/O
      expect(ticks).toBeGreaterThan(0);
    } finally {
      clearInterval(timer);
    }
  });
});
