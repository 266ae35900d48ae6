import { labelSelectorMatches } from './labelSelectorMatch';

describe('labelSelectorMatches', () => {
  const labels = { app: 'pm', tier: 'web' };

  it('selects everything without a selector or with an empty one', () => {
    expect(labelSelectorMatches(undefined, labels)).toBe(true);
    expect(labelSelectorMatches({}, undefined)).toBe(true);
  });

  it('needs every matchLabel', () => {
    expect(labelSelectorMatches({ matchLabels: { app: 'pm' } }, labels)).toBe(
      true,
    );
    expect(
      labelSelectorMatches({ matchLabels: { app: 'pm', tier: 'db' } }, labels),
    ).toBe(false);
  });

  it('reads In, NotIn, Exists and DoesNotExist; an unknown operator selects nothing', () => {
    const expr = (operator: string, values?: string[]) => ({
      matchExpressions: [{ key: 'tier', operator, values }],
    });
    expect(labelSelectorMatches(expr('In', ['web', 'db']), labels)).toBe(true);
    expect(labelSelectorMatches(expr('In', ['db']), labels)).toBe(false);
    expect(labelSelectorMatches(expr('NotIn', ['db']), labels)).toBe(true);
    expect(labelSelectorMatches(expr('NotIn', ['web']), labels)).toBe(false);
    expect(labelSelectorMatches(expr('Exists'), labels)).toBe(true);
    expect(labelSelectorMatches(expr('DoesNotExist'), labels)).toBe(false);
    expect(labelSelectorMatches(expr('DoesNotExist'), {})).toBe(true);
    expect(labelSelectorMatches(expr('Gt', ['1']), labels)).toBe(false);
  });
});
