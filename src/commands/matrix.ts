/**
 * The `matrix` output: the selected accounts split into shards for a `strategy.matrix` fan-out,
 * so GitHub runs one job per shard. Contiguous, balanced shards in manifest order, so a shard's
 * accounts stay the same from run to run while the manifest does.
 */
export interface Matrix {
  include: { shard: number; accounts: string }[];
}

/** `shards` 0 (the default): one shard per account. */
export function accountMatrix(accounts: readonly string[], shards = 0): Matrix {
  const n = shards <= 0 ? accounts.length : Math.min(shards, accounts.length);
  const include: Matrix['include'] = [];
  for (let i = 0, start = 0; i < n; i++) {
    const size = Math.floor(accounts.length / n) + (i < accounts.length % n ? 1 : 0);
    include.push({ shard: i + 1, accounts: accounts.slice(start, start + size).join(',') });
    start += size;
  }
  return { include };
}
