import { isDnsLabel, isDnsSubdomain } from './names';

describe('Kubernetes names', () => {
  it('accepts DNS-1123 labels and rejects what apimachinery rejects', () => {
    expect(isDnsLabel('podinfo')).toBe(true);
    expect(isDnsLabel('a-1')).toBe(true);
    expect(isDnsLabel('a'.repeat(63))).toBe(true);
    expect(isDnsLabel('a'.repeat(64))).toBe(false);
    expect(isDnsLabel('Podinfo')).toBe(false);
    expect(isDnsLabel('-a')).toBe(false);
    expect(isDnsLabel('a-')).toBe(false);
    expect(isDnsLabel('a.b')).toBe(false);
    expect(isDnsLabel('')).toBe(false);
  });

  it('accepts dotted subdomains up to 253 characters', () => {
    expect(isDnsSubdomain('cert-manager.io')).toBe(true);
    expect(isDnsSubdomain('a'.repeat(253))).toBe(true);
    expect(isDnsSubdomain('a'.repeat(254))).toBe(false);
    expect(isDnsSubdomain('a_b')).toBe(false);
    expect(isDnsSubdomain('.a')).toBe(false);
  });
});
