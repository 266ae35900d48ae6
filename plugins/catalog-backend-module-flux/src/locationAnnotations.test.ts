/*
 * The annotator resolves URLs through the integration of the target's host,
 * looked up once: what it writes must be what Backstage's integration
 * registry answers call by call, on every forge and without an integration.
 */
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createLocationAnnotator } from './locationAnnotations';

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      gitea: [{ host: 'gitea.example.com' }],
      bitbucketServer: [{ host: 'bitbucket.example.com' }],
    },
  }),
);

const TARGETS = [
  'https://github.com/acme/platform/tree/main',
  'https://gitlab.com/acme/platform/-/tree/main/',
  'https://gitea.example.com/acme/platform/src/branch/main',
  'https://bitbucket.org/acme/platform/src/main/',
  'https://bitbucket.example.com/projects/ACME/repos/platform/browse',
  'https://git.unknown.example/acme/platform/tree/main',
];

describe('createLocationAnnotator', () => {
  it.each(TARGETS)(
    'writes what the integration registry resolves for %s',
    target => {
      const annotate = createLocationAnnotator({ target, integrations });
      const base = target.endsWith('/') ? target : `${target}/`;
      for (const [folder, file] of [
        ['apps/shop', 'apps/shop/kustomization.yaml'],
        ['', 'kustomization.yaml'],
      ]) {
        const viewUrl = integrations.resolveUrl({ url: `./${file}`, base });
        expect(annotate(folder, file)).toEqual({
          'backstage.io/managed-by-location': `url:${target}`,
          'backstage.io/managed-by-origin-location': `url:${target}`,
          'backstage.io/source-location': `url:${integrations.resolveUrl({
            url: folder ? `./${folder}/` : './',
            base,
          })}`,
          'backstage.io/view-url': viewUrl,
          'backstage.io/edit-url': integrations.resolveEditUrl(viewUrl),
        });
      }
    },
  );

  it('gives a local folder its directory and no browse links', () => {
    const annotate = createLocationAnnotator({
      target: '/srv/platform',
      integrations,
    });
    expect(annotate('apps/shop', 'apps/shop/kustomization.yaml')).toEqual({
      'backstage.io/managed-by-location': 'file:/srv/platform',
      'backstage.io/managed-by-origin-location': 'file:/srv/platform',
      'backstage.io/source-location': 'dir:/srv/platform/apps/shop',
    });
  });
});
