import crypto from 'node:crypto';

export interface FakeCommit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
}

export interface FakePull {
  number: number;
  head: string;
  base: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
}

/** A canned answer the next matching request gets instead of the real one. */
interface Failure {
  method: string;
  path: RegExp;
  times: number;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

const sha1 = (text: string) =>
  crypto.createHash('sha1').update(text).digest('hex');

/**
 * The state of one repository on a fake forge: content-addressed trees,
 * commits, branches and pull/merge requests, kept in memory so tests assert
 * what the repository holds after an action ran.
 */
export class FakeForgeRepo {
  readonly trees = new Map<string, Record<string, string>>();
  readonly commits = new Map<string, FakeCommit>();
  readonly branches = new Map<string, string>();
  readonly pulls: FakePull[] = [];
  /** `METHOD /path` of every request received, failures and retries included. */
  readonly calls: string[] = [];
  private readonly failures: Failure[] = [];
  private sequence = 0;

  constructor(readonly defaultBranch = 'main') {}

  putTree(files: Record<string, string>): string {
    const sorted = Object.fromEntries(
      Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)),
    );
    const sha = sha1(JSON.stringify(sorted));
    this.trees.set(sha, sorted);
    return sha;
  }

  putCommit(tree: string, parents: string[], message: string): string {
    const sha = sha1(
      `${tree} ${parents.join(',')} ${message} ${this.sequence++}`,
    );
    this.commits.set(sha, { sha, tree, parents, message });
    return sha;
  }

  /** Pushes one commit with `changes` (null deletes) on `branch`, as a developer would. */
  push(
    branch: string,
    changes: Record<string, string | null>,
    message = 'change',
  ): string {
    const head = this.branches.get(branch);
    const files = { ...(head ? this.filesAt(head) : {}) };
    for (const [file, text] of Object.entries(changes)) {
      if (text === null) delete files[file];
      else files[file] = text;
    }
    const sha = this.putCommit(
      this.putTree(files),
      head ? [head] : [],
      message,
    );
    this.branches.set(branch, sha);
    return sha;
  }

  /** Files of a commit sha or branch name. */
  filesAt(ref: string): Record<string, string> {
    const sha = this.branches.get(ref) ?? ref;
    const commit = this.commits.get(sha);
    if (!commit) throw new Error(`fake forge: no commit ${ref}`);
    return this.trees.get(commit.tree)!;
  }

  commitOf(ref: string): FakeCommit | undefined {
    return this.commits.get(this.branches.get(ref) ?? ref);
  }

  /** Makes the next `times` requests matching `method path` answer `status`. */
  failNext(
    method: string,
    path: RegExp,
    status: number,
    options: {
      times?: number;
      body?: unknown;
      headers?: Record<string, string>;
    } = {},
  ): void {
    this.failures.push({
      method,
      path,
      status,
      times: options.times ?? 1,
      body: options.body ?? { message: `injected ${status}` },
      headers: options.headers ?? {},
    });
  }

  /** Records the call; the injected failure it must get, if any. */
  receive(method: string, path: string): Response | undefined {
    this.calls.push(`${method} ${path}`);
    const failure = this.failures.find(
      f => f.times > 0 && f.method === method && f.path.test(path),
    );
    if (!failure) return undefined;
    failure.times--;
    return Response.json(failure.body, {
      status: failure.status,
      headers: failure.headers,
    });
  }

  /** Calls that change the repository (anything but GET). */
  writes(): string[] {
    return this.calls.filter(c => !c.startsWith('GET '));
  }
}

export const jsonError = (status: number, message: string) =>
  Response.json({ message }, { status });
