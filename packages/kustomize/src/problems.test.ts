import { formatProblem } from './problems';

describe('formatProblem', () => {
  it('puts file and line first', () => {
    expect(
      formatProblem({
        code: 'yaml-invalid',
        severity: 'error',
        file: 'apps/a/x.yaml',
        line: 3,
        message: 'bad',
      }),
    ).toBe('apps/a/x.yaml:3: bad');
  });

  it('names tree-wide problems and keeps columns', () => {
    expect(
      formatProblem({ code: 'x', severity: 'warning', file: '', message: 'm' }),
    ).toBe('<tree>: m');
    expect(
      formatProblem({
        code: 'x',
        severity: 'warning',
        file: 'f',
        line: 1,
        column: 7,
        message: 'm',
      }),
    ).toBe('f:1:7: m');
  });
});
