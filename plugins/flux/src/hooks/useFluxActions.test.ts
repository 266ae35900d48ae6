import { fluxObject } from '../__testUtils__/fixtures';
import { describeProgress } from './useFluxActions';

const requestedAt = '2026-11-25T07:00:00Z';

describe('describeProgress', () => {
  it('waits for lastHandledReconcileAt to equal the requestedAt, then reports the state', () => {
    const pending = {
      action: 'reconcile' as const,
      withSource: false,
      accepted: true,
      requestedAt,
    };
    expect(
      describeProgress(
        pending,
        fluxObject({ lastHandledReconcileAt: '2026-11-25T06:00:00Z' }),
      ),
    ).toEqual({
      phase: 'running',
      text: 'Reconciling…',
    });
    expect(
      describeProgress(
        pending,
        fluxObject({
          lastHandledReconcileAt: requestedAt,
          state: 'Failed',
          message: 'still broken',
        }),
      ),
    ).toEqual({
      phase: 'done',
      ok: false,
      text: 'Reconciled: Failed — still broken',
    });
  });

  it('says the request is being sent before the backend accepts it', () => {
    expect(
      describeProgress(
        { action: 'suspend', withSource: false, accepted: false },
        fluxObject({}),
      ),
    ).toEqual({ phase: 'running', text: 'Suspending: sending request…' });
  });

  it('ends suspend and resume when the suspend flag agrees', () => {
    const object = fluxObject({ suspended: true });
    expect(
      describeProgress(
        { action: 'suspend', withSource: false, accepted: true },
        object,
      ).phase,
    ).toBe('done');
    expect(
      describeProgress(
        { action: 'resume', withSource: false, accepted: true },
        object,
      ).phase,
    ).toBe('running');
  });

  it('does not wait forever when the backend gave no requestedAt', () => {
    expect(
      describeProgress(
        { action: 'reconcile', withSource: true, accepted: true },
        fluxObject({}),
      ),
    ).toEqual({
      phase: 'done',
      ok: true,
      text: 'Reconcile requested',
    });
  });
});
