import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { FluxClusterEntityStatus } from '@flux-portal/plugin-flux-common';
import { EntityCoverage } from './EntityCoverage';
import { ObjectFacts } from '../ObjectFacts';
import { fluxObject, NEXT_SHA, SHA } from '../../../__testUtils__/fixtures';

const shop = fluxObject({});
const READ_AT = '2026-12-06T07:30:47.120Z';
const WHY = `the cluster last fetched 0123456 at 2026-12-06T07:29:00Z, before the catalog read this entity's last change fedcba9 at ${READ_AT}`;

function cluster(
  coverage: FluxClusterEntityStatus['coverage'],
): FluxClusterEntityStatus {
  return {
    cluster: 'prod',
    state: 'Ready',
    objects: [shop],
    errors: [],
    coverage,
  };
}

const alerts: NonNullable<FluxClusterEntityStatus['coverage']>['alerts'] = [
  {
    namespace: 'flux-system',
    name: 'platform-errors',
    suspended: false,
    eventSeverity: 'error',
    provider: {
      namespace: 'flux-system',
      name: 'slack-platform',
      type: 'slack',
      channel: '#platform-alerts',
      suspended: false,
    },
    covers: [
      { kind: 'Kustomization', namespace: 'flux-system', name: 'shop' },
      { kind: 'GitRepository', namespace: 'flux-system', name: 'flux-system' },
    ],
  },
];

describe('EntityCoverage', () => {
  it('says the merge is not deployed yet, per Kustomization with why, with the commit the entity was read at and when', async () => {
    await renderInTestApp(
      <EntityCoverage
        cluster={cluster({
          merge: {
            state: 'not-yet',
            catalogCommit: NEXT_SHA,
            catalogReadAt: READ_AT,
            objects: [
              {
                kind: 'Kustomization',
                namespace: 'flux-system',
                name: 'shop',
                state: 'not-yet',
                reason: WHY,
                appliedRevision: `main@sha1:${SHA}`,
              },
            ],
          },
        })}
      />,
    );
    expect(
      screen.getByRole('heading', { name: 'Is my merge deployed?' }),
    ).toBeInTheDocument();
    const commit = screen.getByRole('link', { name: 'fedcba9' });
    expect(commit).toHaveAttribute(
      'href',
      `https://github.com/acme/fleet/commit/${NEXT_SHA}`,
    );
    const table = screen.getByRole('table', {
      name: 'Merge deployed per Kustomization',
    });
    const row = within(table).getAllByRole('row')[1];
    expect(row).toHaveTextContent('flux-system/shop');
    expect(row).toHaveTextContent('Not yet');
    expect(row).toHaveTextContent(WHY);
    expect(
      screen.getByText(/first read this entity's current content at commit/),
    ).toBeInTheDocument();
    expect(
      document.querySelector(`time[datetime="${READ_AT}"]`),
    ).not.toBeNull();
  });

  it('flags an image policy whose latest image differs from the deployed one, and names the automation', async () => {
    await renderInTestApp(
      <EntityCoverage
        cluster={cluster({
          images: [
            {
              policy: { namespace: 'flux-system', name: 'shop' },
              state: 'Ready',
              message:
                'Latest image tag for ghcr.io/acme/shop resolved to 1.3.0',
              repository: {
                namespace: 'flux-system',
                name: 'shop',
                image: 'ghcr.io/acme/shop',
              },
              latestImage: 'ghcr.io/acme/shop:1.3.0',
              deployed: [
                {
                  workload: {
                    kind: 'Deployment',
                    namespace: 'shop',
                    name: 'shop',
                  },
                  container: 'web',
                  image: 'ghcr.io/acme/shop:1.2.0',
                  comparison: 'outdated',
                },
              ],
              comparison: 'outdated',
              automations: [
                {
                  namespace: 'flux-system',
                  name: 'flux-system',
                  state: 'Ready',
                  message: 'repository up-to-date',
                  suspended: false,
                },
              ],
            },
          ],
        })}
      />,
    );
    const table = screen.getByRole('table', { name: 'Image updates' });
    const row = within(table).getAllByRole('row')[1];
    expect(row).toHaveTextContent('ghcr.io/acme/shop:1.3.0');
    expect(row).toHaveTextContent('ghcr.io/acme/shop:1.2.0');
    expect(row).toHaveTextContent('(Deployment shop/web)');
    expect(within(row).getByText('Newer image')).toBeInTheDocument();
    expect(row).toHaveTextContent('flux-system/flux-system');
  });

  it('lists the Alerts with their provider and the Receivers, and says when nothing notifies', async () => {
    const { unmount } = await renderInTestApp(
      <EntityCoverage
        cluster={cluster({
          alerts,
          receivers: [
            {
              namespace: 'flux-system',
              name: 'github-push',
              type: 'github',
              events: ['ping', 'push'],
              state: 'Ready',
              message: 'Receiver initialized for path: /hook/…',
              suspended: false,
              triggers: [
                {
                  kind: 'GitRepository',
                  namespace: 'flux-system',
                  name: 'flux-system',
                },
              ],
            },
          ],
        })}
      />,
    );
    const alertRow = within(
      screen.getByRole('table', { name: 'Alerts' }),
    ).getAllByRole('row')[1];
    expect(alertRow).toHaveTextContent('flux-system/platform-errors');
    expect(alertRow).toHaveTextContent('errors only');
    expect(alertRow).toHaveTextContent(
      'slack-platform (slack #platform-alerts)',
    );
    expect(alertRow).toHaveTextContent(
      'Kustomization flux-system/shop, GitRepository flux-system/flux-system',
    );
    const receiverRow = within(
      screen.getByRole('table', { name: 'Receivers' }),
    ).getAllByRole('row')[1];
    expect(receiverRow).toHaveTextContent('github (ping, push)');
    unmount();

    await renderInTestApp(
      <EntityCoverage cluster={cluster({ alerts: [], receivers: [] })} />,
    );
    expect(
      screen.getByText(/No Alert covers this entity's Flux objects/),
    ).toBeInTheDocument();
    expect(screen.getByText(/No Receiver reconciles/)).toBeInTheDocument();
  });

  it('leaves out what the cluster cannot tell', async () => {
    await renderInTestApp(<EntityCoverage cluster={cluster({})} />);
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
    expect(screen.queryByText(/No Alert/)).not.toBeInTheDocument();
  });
});

describe('SourceVerification beside the source', () => {
  it('shows a failed signature check with the controller message', async () => {
    await renderInTestApp(
      <ObjectFacts
        object={fluxObject({
          source: {
            kind: 'OCIRepository',
            namespace: 'flux-system',
            name: 'podinfo',
            state: 'Failed',
            verification: {
              status: 'failed',
              provider: 'cosign',
              message: 'no matching signatures were found',
            },
          },
        })}
      />,
    );
    expect(
      screen.getByText('Signature check failed (cosign)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('no matching signatures were found'),
    ).toBeInTheDocument();
  });

  it('says an OCI source is not verified, and stays quiet for Git without verify', async () => {
    const { unmount } = await renderInTestApp(
      <ObjectFacts
        object={fluxObject({
          source: {
            kind: 'OCIRepository',
            namespace: 'flux-system',
            name: 'podinfo',
            verification: { status: 'not-configured' },
          },
        })}
      />,
    );
    expect(screen.getByText('Signature not verified')).toBeInTheDocument();
    unmount();
    await renderInTestApp(
      <ObjectFacts
        object={fluxObject({
          source: {
            ...shop.source!,
            verification: { status: 'not-configured' },
          },
        })}
      />,
    );
    expect(screen.queryByText(/Signature/)).not.toBeInTheDocument();
  });
});
