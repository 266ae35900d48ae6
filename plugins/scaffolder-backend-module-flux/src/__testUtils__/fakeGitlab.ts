import { http } from 'msw';
import { FakeForgeRepo, jsonError } from './fakeForgeRepo';
import { writeTarGz } from './tarGz';

export const GITLAB_API = 'https://gitlab.com/api/v4';

/**
 * msw handlers of the GitLab REST v4 endpoints the forge client uses, over
 * the state of `repo`; requests without `Bearer <token>` get 401.
 */
export function fakeGitlab(
  repo: FakeForgeRepo,
  options: { group: string; name: string; token: string },
) {
  const prefix = `/api/v4/projects/${encodeURIComponent(
    `${options.group}/${options.name}`,
  )}`;
  const web = `https://gitlab.com/${options.group}/${options.name}`;
  const mrJson = (p: (typeof repo.pulls)[number]) => ({
    iid: p.number,
    web_url: `${web}/-/merge_requests/${p.number}`,
    title: p.title,
    description: p.body,
    state: p.state === 'open' ? 'opened' : 'closed',
    source_branch: p.head,
    target_branch: p.base,
    sha: repo.branches.get(p.head),
  });

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const injected = repo.receive(request.method, url.pathname);
    if (injected) return injected;
    if (request.headers.get('authorization') !== `Bearer ${options.token}`) {
      return Response.json({ message: '401 Unauthorized' }, { status: 401 });
    }
    // GitLab addresses projects by their URL-encoded path, so keep %2F here.
    const raw = url.pathname.replace(/%2f/g, '%2F');
    if (!raw.startsWith(prefix)) return jsonError(404, '404 Project Not Found');
    const path = raw.slice(prefix.length);
    const body =
      request.method === 'GET' ? undefined : ((await request.json()) as any);
    const on = (method: string, pattern: RegExp) =>
      request.method === method ? pattern.exec(path) : null;

    if (request.method === 'GET' && path === '') {
      return Response.json({
        path_with_namespace: `${options.group}/${options.name}`,
        default_branch: repo.defaultBranch,
        web_url: web,
      });
    }
    const m1 = on('GET', /^\/repository\/branches\/([^/]+)$/);
    if (m1) {
      const branch = decodeURIComponent(m1[1]);
      const commit = repo.commitOf(branch);
      if (!repo.branches.has(branch) || !commit)
        return jsonError(404, '404 Branch Not Found');
      return Response.json({ name: branch, commit: { id: commit.sha } });
    }
    if (request.method === 'GET' && path === '/repository/archive.tar.gz') {
      const sha = url.searchParams.get('sha') ?? repo.defaultBranch;
      const commit = repo.commitOf(sha);
      if (!commit) return jsonError(404, '404 File Not Found');
      return new Response(
        writeTarGz(
          `${options.name}-${commit.sha}-${commit.sha}`,
          repo.filesAt(commit.sha),
        ),
        {
          headers: { 'content-type': 'application/x-gzip' },
        },
      );
    }
    if (request.method === 'GET' && path === '/merge_requests') {
      const source = url.searchParams.get('source_branch');
      const target = url.searchParams.get('target_branch');
      const state = url.searchParams.get('state');
      return Response.json(
        repo.pulls
          .filter(
            p =>
              (!source || p.head === source) && (!target || p.base === target),
          )
          .filter(p => !state || (state === 'opened') === (p.state === 'open'))
          .map(mrJson),
      );
    }
    if (request.method === 'POST' && path === '/repository/commits') {
      const exists = repo.branches.has(body.branch);
      const start =
        body.start_sha ??
        (body.start_branch ? repo.branches.get(body.start_branch) : undefined);
      if (exists && start && !body.force) {
        return Response.json(
          {
            message: `A branch called '${body.branch}' already exists. Switch to that branch in order to make changes`,
          },
          { status: 400 },
        );
      }
      const parent = start ?? repo.branches.get(body.branch);
      if (!parent || !repo.commits.has(parent))
        return Response.json(
          {
            message:
              'You can only create or edit files when you are on a branch',
          },
          { status: 400 },
        );
      const files = { ...repo.filesAt(parent) };
      for (const action of body.actions) {
        const present = action.file_path in files;
        if (action.action === 'create' && present)
          return Response.json(
            { message: 'A file with this name already exists' },
            { status: 400 },
          );
        if (action.action === 'update' && !present)
          return Response.json(
            { message: "A file with this name doesn't exist" },
            { status: 400 },
          );
        if (action.action !== 'create' && action.action !== 'update')
          return Response.json(
            { message: 'unsupported action' },
            { status: 400 },
          );
        files[action.file_path] = action.content;
      }
      const sha = repo.putCommit(
        repo.putTree(files),
        [parent],
        body.commit_message,
      );
      repo.branches.set(body.branch, sha);
      return Response.json(
        { id: sha, web_url: `${web}/-/commit/${sha}` },
        { status: 201 },
      );
    }
    if (request.method === 'POST' && path === '/merge_requests') {
      if (
        !repo.branches.has(body.source_branch) ||
        !repo.branches.has(body.target_branch)
      ) {
        return Response.json(
          { message: ['Source branch does not exist'] },
          { status: 422 },
        );
      }
      if (
        repo.pulls.some(
          p =>
            p.state === 'open' &&
            p.head === body.source_branch &&
            p.base === body.target_branch,
        )
      ) {
        return Response.json(
          {
            message: [
              'Another open merge request already exists for this source branch',
            ],
          },
          { status: 409 },
        );
      }
      const mr = {
        number: repo.pulls.length + 1,
        head: body.source_branch,
        base: body.target_branch,
        title: body.title,
        body: body.description ?? '',
        state: 'open' as const,
      };
      repo.pulls.push(mr);
      return Response.json(mrJson(mr), { status: 201 });
    }
    const m2 = on('PUT', /^\/merge_requests\/(\d+)$/);
    if (m2) {
      const mr = repo.pulls.find(p => p.number === Number(m2[1]));
      if (!mr) return jsonError(404, '404 Not found');
      Object.assign(
        mr,
        body.title ? { title: body.title } : {},
        body.description !== undefined ? { body: body.description } : {},
      );
      return Response.json(mrJson(mr));
    }
    return jsonError(404, '404 Not Found');
  }

  return [http.all(`${GITLAB_API}/*`, ({ request }) => route(request))];
}
