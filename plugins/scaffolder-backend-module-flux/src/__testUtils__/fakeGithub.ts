import { http } from 'msw';
import { FakeForgeRepo, jsonError } from './fakeForgeRepo';
import { writeTarGz } from './tarGz';

export const GITHUB_API = 'https://api.github.com';
const CODELOAD = 'https://codeload.github.com';

/**
 * msw handlers of the GitHub REST endpoints the forge client uses, over the
 * state of `repo`; requests without `Bearer <token>` get 401 like GitHub.
 */
export function fakeGithub(
  repo: FakeForgeRepo,
  options: { owner: string; name: string; token: string },
) {
  const prefix = `/repos/${options.owner}/${options.name}`;
  const web = `https://github.com/${options.owner}/${options.name}`;
  const pullJson = (p: (typeof repo.pulls)[number]) => ({
    number: p.number,
    html_url: `${web}/pull/${p.number}`,
    title: p.title,
    body: p.body,
    state: p.state,
    head: { ref: p.head, sha: repo.branches.get(p.head) },
    base: { ref: p.base },
  });

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const injected = repo.receive(request.method, url.pathname);
    if (injected) return injected;
    if (request.headers.get('authorization') !== `Bearer ${options.token}`) {
      return jsonError(401, 'Bad credentials');
    }
    if (!url.pathname.startsWith(prefix)) return jsonError(404, 'Not Found');
    const path = decodeURIComponent(url.pathname.slice(prefix.length));
    const body =
      request.method === 'GET' ? undefined : ((await request.json()) as any);
    const key = `${request.method} ${path}`;
    const on = (method: string, pattern: RegExp) =>
      request.method === method ? pattern.exec(path) : null;

    if (request.method === 'GET' && path === '') {
      return Response.json({
        full_name: `${options.owner}/${options.name}`,
        default_branch: repo.defaultBranch,
      });
    }
    const m1 = on('GET', /^\/branches\/(.+)$/);
    if (m1) {
      const commit = repo.commitOf(m1[1]);
      if (!repo.branches.has(m1[1]) || !commit)
        return jsonError(404, 'Branch not found');
      return Response.json({
        name: m1[1],
        commit: { sha: commit.sha, commit: { tree: { sha: commit.tree } } },
      });
    }
    const m2 = on('GET', /^\/tarball\/(.+)$/);
    if (m2) {
      if (!repo.commitOf(m2[1])) return jsonError(404, 'Not Found');
      // Like GitHub: a redirect to codeload with a short-lived token in the URL.
      const sha = repo.commitOf(m2[1])!.sha;
      return new Response(null, {
        status: 302,
        headers: {
          location: `${CODELOAD}/${options.owner}/${options.name}/legacy.tar.gz/${sha}?token=short-lived`,
        },
      });
    }
    if (key === 'GET /pulls') {
      const head = url.searchParams.get('head');
      const base = url.searchParams.get('base');
      const state = url.searchParams.get('state') ?? 'open';
      return Response.json(
        repo.pulls
          .filter(
            p =>
              (!head || `${options.owner}:${p.head}` === head) &&
              (!base || p.base === base),
          )
          .filter(p => state === 'all' || p.state === state)
          .map(pullJson),
      );
    }
    if (key === 'POST /git/trees') {
      const base = body.base_tree ? repo.trees.get(body.base_tree) : {};
      if (!base) return jsonError(422, 'Invalid tree info');
      const files = { ...base };
      for (const e of body.tree) {
        if (e.type !== 'blob' || typeof e.content !== 'string')
          return jsonError(422, 'Invalid tree info');
        files[e.path] = e.content;
      }
      return Response.json({ sha: repo.putTree(files) }, { status: 201 });
    }
    if (key === 'POST /git/commits') {
      if (!repo.trees.has(body.tree))
        return jsonError(422, 'Tree SHA does not exist');
      if (!body.parents.every((p: string) => repo.commits.has(p)))
        return jsonError(422, 'Parent SHA does not exist');
      return Response.json(
        { sha: repo.putCommit(body.tree, body.parents, body.message) },
        { status: 201 },
      );
    }
    if (key === 'POST /git/refs') {
      const branch = String(body.ref).replace(/^refs\/heads\//, '');
      if (repo.branches.has(branch))
        return jsonError(422, 'Reference already exists');
      if (!repo.commits.has(body.sha))
        return jsonError(422, 'Object does not exist');
      repo.branches.set(branch, body.sha);
      return Response.json(
        { ref: body.ref, object: { sha: body.sha } },
        { status: 201 },
      );
    }
    const m3 = on('PATCH', /^\/git\/refs\/heads\/(.+)$/);
    if (m3) {
      const branch = m3[1];
      if (!repo.branches.has(branch))
        return jsonError(422, 'Reference does not exist');
      if (
        !body.force &&
        !repo.commitOf(body.sha)?.parents.includes(repo.branches.get(branch)!)
      ) {
        return jsonError(422, 'Update is not a fast forward');
      }
      repo.branches.set(branch, body.sha);
      return Response.json({
        ref: `refs/heads/${branch}`,
        object: { sha: body.sha },
      });
    }
    if (key === 'POST /pulls') {
      if (!repo.branches.has(body.head) || !repo.branches.has(body.base))
        return jsonError(422, 'Validation Failed');
      if (
        repo.pulls.some(
          p =>
            p.state === 'open' && p.head === body.head && p.base === body.base,
        )
      ) {
        return jsonError(
          422,
          `A pull request already exists for ${options.owner}:${body.head}.`,
        );
      }
      const pull = {
        number: repo.pulls.length + 1,
        head: body.head,
        base: body.base,
        title: body.title,
        body: body.body ?? '',
        state: 'open' as const,
      };
      repo.pulls.push(pull);
      return Response.json(pullJson(pull), { status: 201 });
    }
    const m4 = on('PATCH', /^\/pulls\/(\d+)$/);
    if (m4) {
      const pull = repo.pulls.find(p => p.number === Number(m4[1]));
      if (!pull) return jsonError(404, 'Not Found');
      Object.assign(
        pull,
        body.title ? { title: body.title } : {},
        body.body !== undefined ? { body: body.body } : {},
      );
      return Response.json(pullJson(pull));
    }
    return jsonError(404, 'Not Found');
  }

  /** codeload serves the archive; the API credentials must not follow the redirect there. */
  function codeload(request: Request): Response {
    const match = /\/legacy\.tar\.gz\/([0-9a-f]{40})$/.exec(
      new URL(request.url).pathname,
    );
    if (!match || !repo.commits.has(match[1]))
      return new Response('Not Found', { status: 404 });
    if (request.headers.has('authorization'))
      return new Response('credentials sent to codeload', { status: 400 });
    return new Response(
      writeTarGz(
        `${options.owner}-${options.name}-${match[1].slice(0, 7)}`,
        repo.filesAt(match[1]),
      ),
      {
        headers: { 'content-type': 'application/x-gzip' },
      },
    );
  }

  return [
    http.all(`${GITHUB_API}/*`, ({ request }) => route(request)),
    http.get(`${CODELOAD}/*`, ({ request }) => codeload(request)),
  ];
}
