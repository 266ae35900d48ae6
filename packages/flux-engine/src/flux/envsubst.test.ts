import { envsubst } from './envsubst';

const vars: Record<string, string> = { APP: 'podinfo', EMPTY: '', N: '3' };
const lookup = (name: string) => vars[name];

describe('envsubst (Flux post-build semantics)', () => {
  it('expands braced variables only', () => {
    const r = envsubst('name: ${APP}-$APP replicas: ${N}', lookup);
    expect(r.output).toBe('name: podinfo-$APP replicas: 3');
    expect(r.missing).toEqual([]);
  });

  it('treats $$ as an escaped dollar', () => {
    expect(envsubst('keep: $${APP} and $$HOME', lookup).output).toBe(
      'keep: ${APP} and $HOME',
    );
  });

  it('applies defaults with and without colon', () => {
    expect(envsubst('${MISSING:=fallback}', lookup).output).toBe('fallback');
    expect(envsubst('${EMPTY:=fallback}', lookup).output).toBe('fallback');
    expect(envsubst('${EMPTY=fallback}', lookup).output).toBe('');
    expect(envsubst('${MISSING-x}', lookup).output).toBe('x');
    expect(envsubst('${APP:-x}', lookup).output).toBe('podinfo');
    expect(envsubst('${MISSING:=${APP}-db}', lookup).output).toBe('podinfo-db');
  });

  it('empties unset variables and reports them', () => {
    const r = envsubst('host: ${DOMAIN}.example', lookup);
    expect(r.output).toBe('host: .example');
    expect(r.missing).toEqual(['DOMAIN']);
  });

  it('reports malformed and unsupported expressions and keeps them', () => {
    const r = envsubst('a: ${} b: ${APP^^} c: ${APP', lookup);
    expect(r.output).toBe('a: ${} b: ${APP^^} c: ${APP');
    expect(r.invalid).toHaveLength(2);
    expect(r.unsupported).toEqual(['${APP^^}']);
  });
});
