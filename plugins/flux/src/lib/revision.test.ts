import { commitUrl, shortRevision } from './revision';

const SHA = '0123456789abcdef0123456789abcdef01234567';

describe('shortRevision', () => {
  it.each([
    [`main@sha1:${SHA}`, 'main@0123456'],
    [`main/${SHA}`, 'main@0123456'],
    [SHA, '0123456'],
    [`sha256:${'f'.repeat(64)}`, 'sha256:ffffffff'],
    ['6.6.1+0cc9a8446c95', '6.6.1'],
    ['6.6.1', '6.6.1'],
    [undefined, '—'],
  ])('%s → %s', (revision, expected) => {
    expect(shortRevision(revision)).toBe(expected);
  });
});

describe('commitUrl', () => {
  it.each([
    [
      'https://github.com/acme/fleet',
      `https://github.com/acme/fleet/commit/${SHA}`,
    ],
    [
      'ssh://git@github.com/acme/fleet.git',
      `https://github.com/acme/fleet/commit/${SHA}`,
    ],
    [
      'git@gitlab.com:acme/infra/fleet.git',
      `https://gitlab.com/acme/infra/fleet/-/commit/${SHA}`,
    ],
    [
      'https://bitbucket.org/acme/fleet.git',
      `https://bitbucket.org/acme/fleet/commits/${SHA}`,
    ],
  ])('links %s commits', (url, expected) => {
    expect(commitUrl(url, `main@sha1:${SHA}`)).toBe(expected);
  });

  it('does not link unknown hosts, OCI sources or chart versions', () => {
    expect(
      commitUrl('https://git.example.com/acme/fleet', `main@sha1:${SHA}`),
    ).toBeUndefined();
    expect(
      commitUrl(
        'oci://ghcr.io/acme/manifests',
        `latest@sha256:${'a'.repeat(64)}`,
      ),
    ).toBeUndefined();
    expect(commitUrl('https://github.com/acme/fleet', '6.6.1')).toBeUndefined();
    expect(commitUrl(undefined, `main@sha1:${SHA}`)).toBeUndefined();
  });
});
