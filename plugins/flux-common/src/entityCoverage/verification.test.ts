import { sourceVerificationOf } from './verification';

const oci = (verify: unknown, condition?: object) => ({
  kind: 'OCIRepository',
  spec: { url: 'oci://ghcr.io/org/manifests', verify },
  status: { conditions: condition ? [condition] : [] },
});

describe('sourceVerificationOf', () => {
  it('is not-configured without spec.verify, whatever condition is left over', () => {
    expect(sourceVerificationOf(oci(undefined))).toEqual({
      status: 'not-configured',
    });
    expect(
      sourceVerificationOf(
        oci(undefined, { type: 'SourceVerified', status: 'True' }),
      ),
    ).toEqual({ status: 'not-configured' });
  });

  it('is verified with the provider and the message', () => {
    expect(
      sourceVerificationOf(
        oci(
          { provider: 'cosign' },
          {
            type: 'SourceVerified',
            status: 'True',
            message: 'verified signature of revision latest@sha256:abc',
          },
        ),
      ),
    ).toEqual({
      status: 'verified',
      provider: 'cosign',
      message: 'verified signature of revision latest@sha256:abc',
    });
  });

  it('is failed with the controller message (notation provider)', () => {
    expect(
      sourceVerificationOf(
        oci(
          { provider: 'notation', secretRef: { name: 'certs' } },
          {
            type: 'SourceVerified',
            status: 'False',
            message: 'failed to verify the signature using provider notation',
          },
        ),
      ),
    ).toEqual({
      status: 'failed',
      provider: 'notation',
      message: 'failed to verify the signature using provider notation',
    });
  });

  it('is pending before the controller checked, provider defaulting to cosign', () => {
    expect(sourceVerificationOf(oci({}))).toEqual({
      status: 'pending',
      provider: 'cosign',
      message: 'the signature has not been verified yet',
    });
  });

  it('names openpgp for Git commit verification and skips kinds that cannot verify', () => {
    expect(
      sourceVerificationOf({
        kind: 'GitRepository',
        spec: { verify: { mode: 'HEAD' } },
        status: { conditions: [{ type: 'SourceVerified', status: 'True' }] },
      }),
    ).toEqual({ status: 'verified', provider: 'openpgp' });
    expect(
      sourceVerificationOf({ kind: 'Bucket', spec: { verify: {} } }),
    ).toBeUndefined();
    expect(sourceVerificationOf(undefined)).toBeUndefined();
  });
});
