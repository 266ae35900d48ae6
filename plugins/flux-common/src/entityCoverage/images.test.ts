import {
  compareImages,
  latestImageOf,
  parseImageReference,
  sameImageRepository,
  worstImageComparison,
} from './images';

const DIGEST_A = `sha256:${'a'.repeat(64)}`;
const DIGEST_B = `sha256:${'b'.repeat(64)}`;

describe('parseImageReference', () => {
  it.each([
    ['nginx', { repository: 'docker.io/library/nginx' }],
    ['nginx:1.27', { repository: 'docker.io/library/nginx', tag: '1.27' }],
    ['org/app:v1', { repository: 'docker.io/org/app', tag: 'v1' }],
    ['index.docker.io/org/app', { repository: 'docker.io/org/app' }],
    ['ghcr.io/Org/App:1.2.3', { repository: 'ghcr.io/org/app', tag: '1.2.3' }],
    [
      'localhost:5000/app:dev',
      { repository: 'localhost:5000/app', tag: 'dev' },
    ],
    [
      `ghcr.io/org/app:1.0@${DIGEST_A}`,
      { repository: 'ghcr.io/org/app', tag: '1.0', digest: DIGEST_A },
    ],
    [
      `ghcr.io/org/app@${DIGEST_B}`,
      { repository: 'ghcr.io/org/app', digest: DIGEST_B },
    ],
  ])('%s', (image, expected) => {
    expect(parseImageReference(image)).toEqual(expected);
  });

  it.each(['', '  ', 'a b', 'app@sha256:xyz', 'app:', '/app', 'app:bad tag'])(
    'refuses %j',
    image => expect(parseImageReference(image)).toBeUndefined(),
  );
});

describe('compareImages', () => {
  it('compares tags within one repository', () => {
    expect(
      compareImages('ghcr.io/org/app:1.2.0', 'ghcr.io/org/app:1.2.0'),
    ).toBe('current');
    expect(
      compareImages('ghcr.io/org/app:1.3.0', 'ghcr.io/org/app:1.2.0'),
    ).toBe('outdated');
    expect(compareImages('nginx:1.27', 'docker.io/library/nginx:1.27')).toBe(
      'current',
    );
  });

  it('prefers digests when both sides have one', () => {
    expect(compareImages(`app:1.0@${DIGEST_A}`, `app:1.0@${DIGEST_B}`)).toBe(
      'outdated',
    );
    expect(compareImages(`app:1.1@${DIGEST_A}`, `app@${DIGEST_A}`)).toBe(
      'current',
    );
  });

  it('is unknown across repositories or when the sides cannot be compared', () => {
    expect(compareImages('ghcr.io/org/app:1', 'ghcr.io/org/other:1')).toBe(
      'unknown',
    );
    expect(compareImages('app:1.0', `app@${DIGEST_A}`)).toBe('unknown');
    expect(compareImages('app:1.0', '')).toBe('unknown');
  });

  it('sameImageRepository ignores tags and digests', () => {
    expect(sameImageRepository('nginx:1', `library/nginx@${DIGEST_A}`)).toBe(
      true,
    );
    expect(sameImageRepository('nginx', 'ghcr.io/nginx')).toBe(false);
  });

  it('worstImageComparison: outdated, then unknown, then current', () => {
    expect(worstImageComparison(['current', 'outdated', 'unknown'])).toBe(
      'outdated',
    );
    expect(worstImageComparison(['current', 'unknown'])).toBe('unknown');
    expect(worstImageComparison(['current'])).toBe('current');
    expect(worstImageComparison([])).toBe('unknown');
  });
});

describe('latestImageOf', () => {
  it('reads latestRef (v1beta2+) with tag and digest', () => {
    expect(
      latestImageOf({
        status: {
          latestRef: {
            name: 'ghcr.io/org/app',
            tag: '1.3.0',
            digest: DIGEST_A,
          },
          latestImage: 'ghcr.io/org/app:1.2.0',
        },
      }),
    ).toBe(`ghcr.io/org/app:1.3.0@${DIGEST_A}`);
  });

  it('falls back to latestImage, else undefined', () => {
    expect(
      latestImageOf({ status: { latestImage: 'ghcr.io/org/app:1.2.0' } }),
    ).toBe('ghcr.io/org/app:1.2.0');
    expect(latestImageOf({ status: { latestRef: { name: 'x' } } })).toBe(
      undefined,
    );
    expect(latestImageOf({})).toBeUndefined();
  });
});
