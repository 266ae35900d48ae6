import { readTarArchive } from '@flux-portal/kustomize';
import { writeTarGz } from './tarGz';

describe('the fake forges’ archives', () => {
  it('read back as the files written, top folder stripped', () => {
    const files = {
      'apps/kustomization.yaml': 'resources:\n- notes\n',
      [`apps/${'long-name-'.repeat(12)}/deployment.yaml`]: 'kind: Deployment\n',
    };
    const read = readTarArchive(writeTarGz('repo-sha-sha', files));
    expect(
      Object.fromEntries(
        Object.entries(read).map(([f, b]) => [f, b.toString('utf8')]),
      ),
    ).toEqual(files);
  });
});
