/**
 * Feeds a progress ticker the throttled IAM calls of every account, as the rate limiters
 * (src/aws/rate-limit.ts) see them. Returns the function that stops the feed.
 */
import { onRateEvent } from '../aws/rate-limit.js';
import type { ProgressTicker } from './ticker.js';

export function feedThrottles(ticker: Pick<ProgressTicker, 'throttled'>): () => void {
  return onRateEvent((e) => {
    if (e.kind === 'throttled') ticker.throttled(e.account);
  });
}
