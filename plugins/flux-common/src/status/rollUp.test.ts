import {
  compareStates,
  countStates,
  rollUpStates,
  STATE_SEVERITY,
} from './rollUp';
import { FluxState } from './types';

describe('rollUpStates', () => {
  it('documents the severity order', () => {
    expect(STATE_SEVERITY).toEqual([
      'Failed',
      'Stale',
      'Waiting',
      'Progressing',
      'Unknown',
      'Suspended',
      'Ready',
    ]);
  });

  it('picks the worst state, whatever the input order', () => {
    const all: FluxState[] = [
      'Ready',
      'Suspended',
      'Unknown',
      'Progressing',
      'Waiting',
      'Stale',
      'Failed',
    ];
    for (let i = 0; i < all.length; i++) {
      const rotated = [...all.slice(i), ...all.slice(0, i)];
      expect(rollUpStates(rotated)).toBe('Failed');
    }
    expect(rollUpStates(['Ready', 'Suspended', 'Ready'])).toBe('Suspended');
    expect(rollUpStates(['Ready', 'Progressing', 'Waiting'])).toBe('Waiting');
    expect(rollUpStates(['Ready', 'Ready'])).toBe('Ready');
    expect(rollUpStates(new Set<FluxState>(['Stale', 'Progressing']))).toBe(
      'Stale',
    );
  });

  it('rolls up nothing to Unknown and treats unexpected values as Unknown', () => {
    expect(rollUpStates([])).toBe('Unknown');
    expect(rollUpStates(['Ready', 'Bogus' as FluxState])).toBe('Unknown');
  });

  it('sorts worst first with compareStates', () => {
    const sorted = (
      ['Ready', 'Failed', 'Suspended', 'Waiting'] as FluxState[]
    ).sort(compareStates);
    expect(sorted).toEqual(['Failed', 'Waiting', 'Suspended', 'Ready']);
  });

  it('counts states', () => {
    expect(countStates(['Ready', 'Ready', 'Failed'])).toEqual({
      Failed: 1,
      Stale: 0,
      Waiting: 0,
      Progressing: 0,
      Unknown: 0,
      Suspended: 0,
      Ready: 2,
    });
  });
});
