/**
 * Decides flux.entity.read for many requests cheaply. The status endpoint is
 * read by every open entity page, and each decision is a call to the
 * permission backend, so decisions are batched (one call for all requests
 * of the same caller waiting at once) and remembered briefly per caller and
 * entity. Actions are never decided here: they are authorized one by one.
 */
import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fluxEntityReadPermission } from '@flux-portal/plugin-flux-common';

interface Pending {
  credentials: BackstageCredentials;
  entityRefs: Map<string, Array<(allowed: boolean) => void>>;
  failures: Map<string, Array<(error: unknown) => void>>;
}

export class ReadAuthorizer {
  private readonly decisions = new Map<
    string,
    { at: number; allowed: boolean }
  >();
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly permissions: PermissionsService,
    /** How long a decision is reused: a revoked read takes effect within this. */
    private readonly ttlMs = 10000,
  ) {}

  private static callerOf(
    credentials: BackstageCredentials,
  ): string | undefined {
    const principal = credentials.principal as any;
    if (principal?.type === 'user') return `user:${principal.userEntityRef}`;
    if (principal?.type === 'service') return `service:${principal.subject}`;
    return undefined;
  }

  canRead(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<boolean> {
    const caller = ReadAuthorizer.callerOf(credentials);
    if (!caller)
      return this.decide(credentials, [entityRef]).then(([allowed]) => allowed);
    const key = `${caller}|${entityRef}`;
    const known = this.decisions.get(key);
    if (known && Date.now() - known.at < this.ttlMs)
      return Promise.resolve(known.allowed);
    return new Promise((resolve, reject) => {
      let batch = this.pending.get(caller);
      if (!batch) {
        batch = { credentials, entityRefs: new Map(), failures: new Map() };
        this.pending.set(caller, batch);
        setImmediate(() => this.flush(caller));
      }
      const waiting = batch.entityRefs.get(entityRef) ?? [];
      waiting.push(resolve);
      batch.entityRefs.set(entityRef, waiting);
      const failing = batch.failures.get(entityRef) ?? [];
      failing.push(reject);
      batch.failures.set(entityRef, failing);
    });
  }

  private async decide(
    credentials: BackstageCredentials,
    entityRefs: string[],
  ): Promise<boolean[]> {
    const decisions = await this.permissions.authorize(
      entityRefs.map(resourceRef => ({
        permission: fluxEntityReadPermission,
        resourceRef,
      })),
      { credentials },
    );
    return decisions.map(d => d.result === AuthorizeResult.ALLOW);
  }

  private async flush(caller: string) {
    const batch = this.pending.get(caller)!;
    this.pending.delete(caller);
    const refs = [...batch.entityRefs.keys()];
    try {
      const allowed = await this.decide(batch.credentials, refs);
      const now = Date.now();
      if (this.decisions.size > 50000) this.decisions.clear();
      refs.forEach((ref, i) => {
        this.decisions.set(`${caller}|${ref}`, {
          at: now,
          allowed: allowed[i],
        });
        batch.entityRefs.get(ref)!.forEach(resolve => resolve(allowed[i]));
      });
    } catch (error) {
      refs.forEach(ref =>
        batch.failures.get(ref)!.forEach(reject => reject(error)),
      );
    }
  }
}
