import {
  commitOfRevision,
  mergeDeployedOf,
  rollUpMergeDeployed,
} from './mergeDeployed';

/** E: the commit the entity's content was first read at; A: an older commit; F: a newer one. */
const E = 'e1a0c0ffee5e1a0c0ffee5e1a0c0ffee5e1a0c0f';
const A = 'a0b1c2d3e4f5a6b7c8d9a0b1c2d3e4f5a6b7c8d9';
const F = 'f00dfeed0123456789abcdef0123456789abcdef';
const rev = (sha: string) => `main@sha1:${sha}`;
/** When the catalog read E, and fetch times before and after it. */
const READ_AT = '2026-12-06T07:30:47.120Z';
const BEFORE = '2026-12-06T07:29:00Z';
const AFTER = '2026-12-06T07:31:00Z';

/** The catalog read E at READ_AT; the cluster applies `applied` and fetched `fetched` at `fetchedAt`. */
const decide = (
  applied: string,
  fetched: string,
  fetchedAt: string,
  more: Parameters<typeof mergeDeployedOf>[0] = {},
) =>
  mergeDeployedOf({
    catalogCommit: E,
    catalogReadAt: READ_AT,
    appliedRevision: rev(applied),
    sourceRevision: rev(fetched),
    sourceFetchedAt: fetchedAt,
    ...more,
  });

describe('commitOfRevision', () => {
  it('reads Git revisions in every Flux format, nothing else', () => {
    expect(commitOfRevision(rev(A))).toBe(A);
    expect(commitOfRevision(`main/${A}`)).toBe(A);
    expect(commitOfRevision(`sha1:${A}`)).toBe(A);
    expect(commitOfRevision(`latest@sha256:${'d'.repeat(64)}`)).toBeUndefined();
    expect(commitOfRevision('6.6.1')).toBeUndefined();
    expect(commitOfRevision(undefined)).toBeUndefined();
  });
});

describe('mergeDeployedOf, row by row', () => {
  it('is unknown without the catalog’s commit', () => {
    expect(mergeDeployedOf({ appliedRevision: rev(A) })).toEqual({
      state: 'unknown',
      reason: 'the catalog has not recorded which commit it read',
    });
    expect(
      mergeDeployedOf({ catalogCommit: 'main', appliedRevision: rev(A) }).state,
    ).toBe('unknown');
  });

  it('is not yet when nothing is applied', () => {
    expect(
      mergeDeployedOf({
        catalogCommit: E,
        catalogReadAt: READ_AT,
        sourceRevision: rev(F),
        sourceFetchedAt: AFTER,
      }),
    ).toEqual({
      state: 'not-yet',
      reason: 'nothing applied yet; the catalog read e1a0c0f',
    });
  });

  it('is unknown when the applied revision is not a Git commit', () => {
    expect(
      mergeDeployedOf({
        catalogCommit: E,
        appliedRevision: `latest@sha256:${'d'.repeat(64)}`,
      }),
    ).toEqual({
      state: 'unknown',
      reason: `applied revision latest@sha256:${'d'.repeat(
        64,
      )} is not a Git commit`,
    });
  });

  it('is deployed when the applied commit is the catalog’s, whatever the times (short SHAs too)', () => {
    expect(decide(E, E, BEFORE)).toEqual({
      state: 'deployed',
      reason: 'applied e1a0c0f, the commit the catalog read this entity at',
    });
    expect(
      mergeDeployedOf({
        catalogCommit: E.slice(0, 12),
        appliedRevision: rev(E),
      }).state,
    ).toBe('deployed');
  });

  it('is not yet when the cluster fetched the catalog’s commit but still applies another', () => {
    expect(decide(A, E, AFTER)).toEqual({
      state: 'not-yet',
      reason: 'fetched e1a0c0f but still applies a0b1c2d',
    });
  });

  it('is not yet, saying what is unknown, without the fetched revision or a time', () => {
    expect(
      mergeDeployedOf({
        catalogCommit: E,
        catalogReadAt: READ_AT,
        appliedRevision: rev(F),
      }),
    ).toEqual({
      state: 'not-yet',
      reason:
        'applied f00dfee, the catalog read e1a0c0f; which commit the cluster last fetched is unknown',
    });
    expect(
      mergeDeployedOf({
        catalogCommit: E,
        appliedRevision: rev(F),
        sourceRevision: rev(F),
        sourceFetchedAt: AFTER,
      }),
    ).toEqual({
      state: 'not-yet',
      reason:
        'applied f00dfee, the catalog read e1a0c0f; when the catalog read e1a0c0f is unknown, so whether f00dfee contains e1a0c0f cannot be told',
    });
    expect(decide(F, F, 'yesterday')).toEqual({
      state: 'not-yet',
      reason:
        'applied f00dfee, the catalog read e1a0c0f; when the cluster fetched f00dfee is unknown, so whether f00dfee contains e1a0c0f cannot be told',
    });
    expect(
      mergeDeployedOf({
        catalogCommit: E,
        appliedRevision: rev(A),
        sourceRevision: rev(F),
      }),
    ).toEqual({
      state: 'not-yet',
      reason:
        'applied a0b1c2d, the catalog read e1a0c0f; when the catalog read e1a0c0f and when the cluster fetched f00dfee are unknown, so whether a0b1c2d contains e1a0c0f cannot be told',
    });
  });

  it('is not yet when the GitRepository is pinned to a tag or commit, however late it fetched', () => {
    expect(
      decide(F, F, AFTER, {
        appliedRevision: `v1.2.0@sha1:${F}`,
        sourceRevision: `v1.2.0@sha1:${F}`,
        sourceFollowsBranch: false,
      }),
    ).toEqual({
      state: 'not-yet',
      reason:
        'applied f00dfee, the catalog read e1a0c0f; the GitRepository is pinned to a tag or commit, so only e1a0c0f itself counts',
    });
  });

  it('is deployed when the cluster applies what it fetched at or after the catalog read its commit', () => {
    expect(decide(F, F, AFTER)).toEqual({
      state: 'deployed',
      reason:
        'applied f00dfee, fetched at 2026-12-06T07:31:00Z, at or after the catalog read e1a0c0f at 2026-12-06T07:30:47.120Z: f00dfee contains e1a0c0f',
    });
    // the same instant counts; times in other zones are compared as instants
    expect(
      decide(F, F, '2026-12-06T07:30:47Z', {
        catalogReadAt: '2026-12-06T08:30:47+01:00',
        sourceFollowsBranch: true,
      }).state,
    ).toBe('deployed');
  });

  it('is not yet when the cluster fetched after the read but has not applied that fetch', () => {
    expect(decide(A, F, AFTER)).toEqual({
      state: 'not-yet',
      reason:
        'fetched f00dfee at 2026-12-06T07:31:00Z, at or after the catalog read e1a0c0f at 2026-12-06T07:30:47.120Z, but still applies a0b1c2d',
    });
  });

  it('is not yet when the cluster last fetched before the catalog read the entity’s last change', () => {
    expect(decide(A, A, BEFORE)).toEqual({
      state: 'not-yet',
      reason:
        "the cluster last fetched a0b1c2d at 2026-12-06T07:29:00Z, before the catalog read this entity's last change e1a0c0f at 2026-12-06T07:30:47.120Z",
    });
    // Kubernetes times have whole seconds: a fetch in the read's second but before it is before
    expect(decide(F, F, '2026-12-06T07:30:47Z').state).toBe('not-yet');
  });
});

describe('rollUpMergeDeployed', () => {
  it('rolls up not-yet first, then unknown', () => {
    expect(rollUpMergeDeployed(['deployed', 'not-yet', 'unknown'])).toBe(
      'not-yet',
    );
    expect(rollUpMergeDeployed(['deployed', 'unknown'])).toBe('unknown');
    expect(rollUpMergeDeployed(['deployed'])).toBe('deployed');
    expect(rollUpMergeDeployed([])).toBe('unknown');
  });
});
