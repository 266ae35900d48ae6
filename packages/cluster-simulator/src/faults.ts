/**
 * Fault injection state. The server consults it on every API request (the
 * admin endpoint is exempt), so a test or the demo can make the cluster slow,
 * broken, forbidding or silent without restarting it.
 */
import { ResourceType } from './resources';

/** @public */
export interface FaultState {
  latencyMs: number;
  /** Requests still to fail with `failNextCode` before serving normally again. */
  failNextCount: number;
  failNextCode: number;
  /** Kinds or plurals (e.g. 'HelmRelease' or 'helmreleases') answered with a 5xx. */
  failingKinds: Record<string, number>;
  /** Kinds or plurals answered with 403 Forbidden. */
  forbiddenKinds: string[];
}

/** Programmatic fault injection of a running simulator. @public */
export interface FaultControls {
  /** Adds this delay before every API response (0 to stop). */
  setLatency(ms: number): void;
  /** The next `count` API requests fail with `code` (default 500). */
  failNext(count: number, code?: number): void;
  /** Every request for this kind (or plural) fails with `code` (default 503) until cleared. */
  failKind(kindOrPlural: string, code?: number): void;
  /** Every request for this kind (or plural) is 403 Forbidden until cleared. */
  forbidKind(kindOrPlural: string): void;
  /** Clears every fault. */
  clear(): void;
  /** A copy of the current fault state. */
  state(): FaultState;
}

export function emptyFaults(): FaultState {
  return {
    latencyMs: 0,
    failNextCount: 0,
    failNextCode: 500,
    failingKinds: {},
    forbiddenKinds: [],
  };
}

function matches(type: ResourceType, name: string): boolean {
  const n = name.toLowerCase();
  return n === type.kind.toLowerCase() || n === type.plural;
}

export class Faults implements FaultControls {
  private current: FaultState = emptyFaults();

  setLatency(ms: number): void {
    this.current.latencyMs = Math.max(0, Number(ms) || 0);
  }

  failNext(count: number, code = 500): void {
    this.current.failNextCount = Math.max(0, Math.floor(count));
    this.current.failNextCode = code;
  }

  failKind(kindOrPlural: string, code = 503): void {
    this.current.failingKinds[kindOrPlural] = code;
  }

  forbidKind(kindOrPlural: string): void {
    if (!this.current.forbiddenKinds.includes(kindOrPlural)) {
      this.current.forbiddenKinds.push(kindOrPlural);
    }
  }

  clear(): void {
    this.current = emptyFaults();
  }

  state(): FaultState {
    return JSON.parse(JSON.stringify(this.current));
  }

  get latencyMs(): number {
    return this.current.latencyMs;
  }

  /** Consumes one of the "fail next N" requests, returning its code. */
  takeFailure(): number | undefined {
    if (this.current.failNextCount <= 0) return undefined;
    this.current.failNextCount--;
    return this.current.failNextCode;
  }

  failureCodeFor(type: ResourceType): number | undefined {
    const entry = Object.entries(this.current.failingKinds).find(([k]) =>
      matches(type, k),
    );
    return entry?.[1];
  }

  isForbidden(type: ResourceType): boolean {
    return this.current.forbiddenKinds.some(k => matches(type, k));
  }
}
