import * as fs from 'fs';
import * as path from 'path';
import { createLocalTree } from '../tree';
import { renderKustomization } from './renderKustomization';
import { writeTempTree } from '@flux-portal/test-utils';

/*
 * Bad input: every case must name the problem (code, file, line) and still
 * render the healthy object `good` next to the broken part.
 */

const GOOD =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\ndata:\n  a: "1"\n';

async function render(
  files: Record<string, string | Buffer>,
  dir = 'app',
  setup?: (root: string, base: string) => void,
) {
  const t = writeTempTree({ 'app/good.yaml': GOOD, ...files });
  try {
    setup?.(t.root, t.base);
    const result = await renderKustomization(
      createLocalTree(t.root, { maxFileBytes: 4096 }),
      dir,
    );
    return {
      ...result,
      names: result.objects.map(o => o.object.metadata?.name),
    };
  } finally {
    t.cleanup();
  }
}

const kustomization = (...resources: string[]) =>
  `resources:\n${resources.map(r => `  - ${r}\n`).join('')}`;

describe('renderKustomization with bad input', () => {
  it('invalid YAML: problem at the line, other documents and files still render', async () => {
    const r = await render({
      'app/kustomization.yaml': kustomization('good.yaml', 'bad.yaml'),
      'app/bad.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  name: y\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: fine\n',
    });
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: 'yaml-invalid',
        file: 'app/bad.yaml',
        line: 5,
      }),
    ]);
    expect(r.names).toEqual(['good', 'fine']);
  });

  it('alias bomb', async () => {
    const bomb = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: bomb}',
      'data:',
      '  a: &a [x,x,x,x,x,x,x,x,x,x]',
    ];
    for (let i = 1; i < 6; i++)
      bomb.push(
        `  ${'abcdef'[i]}: &${'abcdef'[i]} [${Array(10)
          .fill(`*${'abcdef'[i - 1]}`)
          .join(',')}]`,
      );
    const r = await render({
      'app/kustomization.yaml': kustomization('good.yaml', 'bomb.yaml'),
      'app/bomb.yaml': `${bomb.join('\n')}\n`,
    });
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: 'yaml-alias-bomb',
        file: 'app/bomb.yaml',
        line: 1,
      }),
    ]);
    expect(r.names).toEqual(['good']);
  });

  it('file over the size cap', async () => {
    const r = await render({
      'app/kustomization.yaml': kustomization('big.yaml', 'good.yaml'),
      'app/big.yaml': `${GOOD.replace('good', 'big')}  pad: "${'x'.repeat(
        5000,
      )}"\n`,
    });
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: 'too-large',
        file: 'app/kustomization.yaml',
        line: 2,
      }),
    ]);
    expect(r.names).toEqual(['good']);
  });

  it('deep nesting', async () => {
    const r = await render({
      'app/kustomization.yaml': kustomization('good.yaml', 'deep.yaml'),
      'app/deep.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${'{a: '.repeat(
        80,
      )}1${'}'.repeat(80)}\n`,
    });
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: 'yaml-too-deep',
        file: 'app/deep.yaml',
        line: 1,
      }),
    ]);
    expect(r.names).toEqual(['good']);
  });

  it('absurd nesting in a kustomization or patch does not stop its siblings', async () => {
    const t = writeTempTree({
      'app/good.yaml': GOOD,
      'app/kustomization.yaml': kustomization('good.yaml', 'deep', 'patched'),
      'app/deep/kustomization.yaml': `resources: ${'['.repeat(
        100000,
      )}${']'.repeat(100000)}`,
      'app/patched/kustomization.yaml': `resources: [../good.yaml]\nnamePrefix: p-\npatches:\n  - path: deep.yaml\n`,
      'app/patched/deep.yaml': `a: ${'['.repeat(100000)}${']'.repeat(100000)}`,
    });
    try {
      const r = await renderKustomization(createLocalTree(t.root), 'app');
      expect(r.problems.map(p => [p.code, p.file])).toEqual([
        ['yaml-too-deep', 'app/deep/kustomization.yaml'],
        ['yaml-too-deep', 'app/patched/deep.yaml'],
      ]);
      expect(r.objects.map(o => o.object.metadata?.name)).toEqual([
        'good',
        'p-good',
      ]);
    } finally {
      t.cleanup();
    }
  });

  it('../ traversal and absolute paths', async () => {
    const r = await render({
      'app/kustomization.yaml': kustomization(
        'good.yaml',
        '../../../etc/passwd',
        '/etc/hosts',
      ),
    });
    expect(r.problems.map(p => [p.code, p.file, p.line])).toEqual([
      ['path-escape', 'app/kustomization.yaml', 3],
      ['path-escape', 'app/kustomization.yaml', 4],
    ]);
    expect(r.names).toEqual(['good']);
  });

  it('a symlink leading out of the tree', async () => {
    const r = await render(
      { 'app/kustomization.yaml': kustomization('good.yaml', 'leak.yaml') },
      'app',
      (root, base) => {
        fs.writeFileSync(
          path.join(base, 'outside.yaml'),
          GOOD.replace('good', 'outside'),
        );
        fs.symlinkSync(
          path.join(base, 'outside.yaml'),
          path.join(root, 'app/leak.yaml'),
        );
      },
    );
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: 'symlink-escape',
        file: 'app/kustomization.yaml',
        line: 3,
      }),
    ]);
    expect(r.names).toEqual(['good']);
  });

  it('a kustomization include cycle', async () => {
    const r = await render({
      'app/kustomization.yaml': kustomization('good.yaml', 'sub'),
      'app/sub/kustomization.yaml': kustomization('../sub2'),
      'app/sub2/kustomization.yaml': kustomization('../sub', 'cm.yaml'),
      'app/sub2/cm.yaml': GOOD.replace('good', 'inner'),
    });
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: 'include-cycle',
        file: 'app/sub2/kustomization.yaml',
        line: 2,
      }),
    ]);
    expect(r.names).toEqual(['good', 'inner']);
  });

  it('a missing file', async () => {
    const r = await render({
      'app/kustomization.yaml': kustomization('good.yaml', 'missing.yaml'),
    });
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: 'file-not-found',
        file: 'app/kustomization.yaml',
        line: 3,
      }),
    ]);
    expect(r.names).toEqual(['good']);
  });

  it('a patch whose target matches nothing', async () => {
    const r = await render({
      'app/kustomization.yaml': `${kustomization(
        'good.yaml',
      )}patches:\n  - target: {kind: Deployment, name: ghost}\n    patch: |-\n      - op: add\n        path: /x\n        value: 1\n  - patch: |-\n      apiVersion: v1\n      kind: ConfigMap\n      metadata: {name: ghost}\n`,
    });
    expect(r.problems.map(p => [p.code, p.file, p.line])).toEqual([
      ['patch-no-match', 'app/kustomization.yaml', 4],
      ['patch-no-match', 'app/kustomization.yaml', 9],
    ]);
    expect(r.names).toEqual(['good']);
  });

  it('a strategic merge patch without kind or name, as kustomize refuses it', async () => {
    const r = await render({
      'app/kustomization.yaml': `${kustomization(
        'good.yaml',
      )}patches:\n  - target: {kind: ConfigMap}\n    patch: |-\n      data: {b: "2"}\n`,
    });
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: 'patch-invalid',
        file: 'app/kustomization.yaml',
        line: 4,
      }),
    ]);
    expect(r.objects.map(o => o.object.data)).toEqual([{ a: '1' }]);
  });

  it('a generator key given twice', async () => {
    const r = await render({
      'app/kustomization.yaml': `${kustomization(
        'good.yaml',
      )}configMapGenerator:\n  - name: gen\n    literals: [k=1, k=2]\n`,
    });
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: 'generator-invalid',
        file: 'app/kustomization.yaml',
        line: 4,
      }),
    ]);
    expect(r.objects.map(o => o.object.data)).toEqual([{ k: '1' }, { a: '1' }]);
  });

  it('duplicate object ids', async () => {
    const r = await render({
      'app/kustomization.yaml': kustomization('good.yaml', 'again.yaml'),
      'app/again.yaml': `apiVersion: v1\nkind: Secret\nmetadata: {name: other}\n---\n${GOOD}`,
    });
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: 'duplicate-id',
        file: 'app/again.yaml',
        line: 5,
      }),
    ]);
    expect(r.problems[0].message).toContain('app/good.yaml:1');
    expect(r.names).toEqual(['good', 'other']);
  });

  it('non-UTF-8 bytes', async () => {
    const r = await render({
      'app/kustomization.yaml': kustomization('good.yaml', 'latin1.yaml'),
      'app/latin1.yaml': Buffer.concat([
        Buffer.from(
          'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: l}\ndata: {a: "',
        ),
        Buffer.from([0xe9]),
        Buffer.from('"}\n'),
      ]),
    });
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: 'yaml-not-utf8',
        file: 'app/latin1.yaml',
        line: 4,
      }),
    ]);
    expect(r.names).toEqual(['good']);
  });

  it('remote resources are recorded, never fetched', async () => {
    const r = await render({
      'app/kustomization.yaml': kustomization(
        'https://github.com/org/repo//deploy?ref=v1',
        'good.yaml',
        'github.com/org/repo/base?ref=main',
      ),
    });
    expect(r.problems.map(p => [p.code, p.severity, p.line])).toEqual([
      ['remote-resource', 'warning', 2],
      ['remote-resource', 'warning', 4],
    ]);
    expect(r.unresolved).toEqual([
      {
        file: 'app/kustomization.yaml',
        line: 2,
        reference: 'https://github.com/org/repo//deploy?ref=v1',
      },
      {
        file: 'app/kustomization.yaml',
        line: 4,
        reference: 'github.com/org/repo/base?ref=main',
      },
    ]);
    expect(r.names).toEqual(['good']);
  });

  it('an invalid kustomization file', async () => {
    const r = await render({
      'app/kustomization.yaml': 'resources:\n  - good.yaml\n bad indent\n',
    });
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: 'yaml-invalid',
        file: 'app/kustomization.yaml',
        line: 3,
      }),
    ]);
    expect(r.objects).toEqual([]);
  });

  it('a directory resource without kustomization.yaml', async () => {
    const r = await render({
      'app/kustomization.yaml': kustomization('good.yaml', 'plain'),
      'app/plain/x.yaml': GOOD.replace('good', 'x'),
    });
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: 'kustomization-missing',
        file: 'app/kustomization.yaml',
        line: 3,
      }),
    ]);
    expect(r.names).toEqual(['good']);
  });

  it('a render root outside the tree', async () => {
    const r = await render({}, '../elsewhere');
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'path-escape' }),
    ]);
  });
});
