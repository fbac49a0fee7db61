/**
 * One file of the repository at a given commit, through the contents API
 * (GET /repos/{owner}/{repo}/contents/{path}?ref=sha, base64): how the fork stage of a plan reads
 * the base branch's manifest without a second checkout. Files over 1 MB come back without
 * content; those are refused (a manifest is at most 1 MiB anyway).
 */
import type { GitHubClient } from './comments.js';

export async function readFileAtCommit(client: GitHubClient, q: { owner: string; repo: string; path: string; ref: string }): Promise<string> {
  const where = `${q.path} at ${q.ref.slice(0, 12)} of ${q.owner}/${q.repo}`;
  let data: unknown;
  try {
    data = (await client.request('GET /repos/{owner}/{repo}/contents/{path}', { owner: q.owner, repo: q.repo, path: q.path, ref: q.ref })).data;
  } catch (e) {
    const status = typeof e === 'object' && e !== null ? (e as { status?: unknown }).status : undefined;
    if (status === 404) throw new Error(`${where} does not exist (GitHub answered 404): the base branch must hold the manifest at the same path`);
    throw new Error(`could not read ${where}: ${status ? `GitHub answered ${String(status)}` : e instanceof Error ? e.message.split('\n')[0] : 'unknown error'}; the job needs \`permissions: contents: read\``);
  }
  const file = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as { type?: unknown; encoding?: unknown; content?: unknown }) : undefined;
  if (file?.type !== 'file') throw new Error(`${where} is not a file`);
  if (file.encoding !== 'base64' || typeof file.content !== 'string') throw new Error(`${where} came back without its content (files over 1 MB do): a manifest is at most 1 MiB`);
  return Buffer.from(file.content, 'base64').toString('utf8');
}
