import { changeSetOf, describeRelease, releaseSucceeded } from './deploys';

describe('deploys', () => {
  it("reads kustomize-controller's change sets, and nothing else, as changes", () => {
    expect(
      changeSetOf(
        'Deployment/shop/web configured\nService/shop/web created\nConfigMap/shop/old deleted',
      ),
    ).toEqual([
      'Deployment/shop/web configured',
      'Service/shop/web created',
      'ConfigMap/shop/old deleted',
    ]);
    expect(
      changeSetOf('CustomResourceDefinition/kafkas.kafka.strimzi.io created'),
    ).toHaveLength(1);
    // the message of every run, changed or not
    expect(
      changeSetOf('Reconciliation finished in 1.2s, next run in 10m0s'),
    ).toEqual([]);
    // one line that is not a change makes it not a change set
    expect(
      changeSetOf('Deployment/shop/web configured\nHealth check passed'),
    ).toEqual([]);
    expect(changeSetOf(undefined)).toEqual([]);
    expect(changeSetOf('')).toEqual([]);
  });

  it('describes a release and tells whether it went through', () => {
    expect(
      describeRelease({
        chartName: 'podinfo',
        chartVersion: '6.5.4',
        status: 'deployed',
      }),
    ).toBe('podinfo@6.5.4 (deployed)');
    expect(releaseSucceeded({ status: 'superseded' })).toBe(true);
    expect(releaseSucceeded({ status: 'failed' })).toBe(false);
    expect(releaseSucceeded({ status: 'pending-upgrade' })).toBe(false);
  });
});
