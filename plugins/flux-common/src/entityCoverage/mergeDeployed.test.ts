import {
  commitOfRevision,
  mergeDeployedOf,
  rollUpMergeDeployed,
} from './mergeDeployed';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

describe('commitOfRevision', () => {
  it('reads Git revisions in every Flux format, nothing else', () => {
    expect(commitOfRevision(`main@sha1:${A}`)).toBe(A);
    expect(commitOfRevision(`main/${A}`)).toBe(A);
    expect(commitOfRevision(`sha1:${A}`)).toBe(A);
    expect(commitOfRevision(`latest@sha256:${'d'.repeat(64)}`)).toBeUndefined();
    expect(commitOfRevision('6.6.1')).toBeUndefined();
    expect(commitOfRevision(undefined)).toBeUndefined();
  });
});

describe('mergeDeployedOf', () => {
  it('is unknown without the catalog’s commit', () => {
    expect(mergeDeployedOf({ appliedRevision: `main@sha1:${A}` }).state).toBe(
      'unknown',
    );
  });

  it('is deployed when the applied commit is the catalog’s (short SHAs too)', () => {
    expect(
      mergeDeployedOf({ catalogCommit: A, appliedRevision: `main@sha1:${A}` }),
    ).toEqual({
      state: 'deployed',
      reason: 'applied aaaaaaa, the commit the catalog read',
    });
    expect(
      mergeDeployedOf({
        catalogCommit: A.slice(0, 12),
        appliedRevision: `main@sha1:${A}`,
      }).state,
    ).toBe('deployed');
  });

  it('is not yet when fetched but not applied, or at another commit', () => {
    expect(
      mergeDeployedOf({
        catalogCommit: A,
        appliedRevision: `main@sha1:${B}`,
        sourceRevision: `main@sha1:${A}`,
      }),
    ).toEqual({
      state: 'not-yet',
      reason: 'fetched aaaaaaa but still applies bbbbbbb',
    });
    expect(
      mergeDeployedOf({
        catalogCommit: A,
        appliedRevision: `main@sha1:${B}`,
        sourceRevision: `main@sha1:${C}`,
      }),
    ).toEqual({
      state: 'not-yet',
      reason: 'applied bbbbbbb, the catalog read aaaaaaa',
    });
    expect(mergeDeployedOf({ catalogCommit: A }).state).toBe('not-yet');
  });

  it('is unknown when the applied revision is not a Git commit', () => {
    expect(
      mergeDeployedOf({
        catalogCommit: A,
        appliedRevision: `latest@sha256:${'d'.repeat(64)}`,
      }).state,
    ).toBe('unknown');
  });

  it('rolls up not-yet first, then unknown', () => {
    expect(rollUpMergeDeployed(['deployed', 'not-yet', 'unknown'])).toBe(
      'not-yet',
    );
    expect(rollUpMergeDeployed(['deployed', 'unknown'])).toBe('unknown');
    expect(rollUpMergeDeployed(['deployed'])).toBe('deployed');
    expect(rollUpMergeDeployed([])).toBe('unknown');
  });
});
