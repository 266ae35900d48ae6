import { Resource } from '../Resource';
import { applyImages, splitImage, updateImage } from './applyImages';

describe('images', () => {
  it('splits registry ports, tags and digests', () => {
    expect(splitImage('reg:5000/a/b:1.2@sha256:abc')).toEqual({
      name: 'reg:5000/a/b',
      tag: '1.2',
      digest: 'sha256:abc',
    });
    expect(splitImage('reg:5000/a/b')).toEqual({
      name: 'reg:5000/a/b',
      tag: '',
      digest: '',
    });
  });

  it('updates names, tags and digests of matching images only', () => {
    expect(updateImage('nginx:1.25', { name: 'nginx', newTag: '1.27' })).toBe(
      'nginx:1.27',
    );
    expect(
      updateImage('nginx-exporter:1', { name: 'nginx', newTag: '1.27' }),
    ).toBe('nginx-exporter:1');
    expect(
      updateImage('nginx:1@sha256:x', { name: 'nginx', newName: 'my/nginx' }),
    ).toBe('my/nginx:1@sha256:x');
    expect(updateImage('nginx:1', { name: 'nginx', digest: 'sha256:y' })).toBe(
      'nginx@sha256:y',
    );
    expect(
      updateImage('nginx', { name: 'nginx', newTag: '2', digest: 'sha256:y' }),
    ).toBe('nginx:2@sha256:y');
  });

  it('walks every containers/initContainers list, even in custom resources', () => {
    const r = new Resource(
      {
        apiVersion: 'x/v1',
        kind: 'Runner',
        metadata: { name: 'r' },
        spec: {
          a: { initContainers: [{ image: 'busybox' }] },
          containers: [{ image: 'busybox:1' }],
        },
      },
      { file: 'f', line: 1 },
    );
    applyImages([r], [{ name: 'busybox', newName: 'docker.io/busybox' }]);
    expect((r.object.spec as any).a.initContainers[0].image).toBe(
      'docker.io/busybox',
    );
    expect((r.object.spec as any).containers[0].image).toBe(
      'docker.io/busybox:1',
    );
  });
});
