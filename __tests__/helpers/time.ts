/**
 * One clock for a test that spans days: moves moto's clock (libfaketime) and the tool's
 * (`IAM_CONNECTIONS_NOW` for the runs the test spawns) to the same instant, so key CreateDates,
 * last-use dates and the tool's idea of "now" agree.
 *
 *   const moto = await startMoto({ faketime: true });
 *   const clock = shareClock(moto);
 *   clock.set('2027-03-05T00:00:00Z');
 *   await world.run({ ..., env: clock.env() });     // the world does this itself
 *
 * Both clocks then run on from that instant (moto from its next clock read, a spawned run from
 * its start), so they agree to within the seconds a test takes: ages in days are the same.
 */
import type { MotoServer } from './moto.js';

export interface SharedClock {
  /** Moves moto's clock and the tool's to `instant` (ISO string or Date). */
  set(instant: string | Date): void;
  /** `days` (may be fractional or negative) after the instant last set, or after real now. */
  advanceDays(days: number): string;
  /** Both clocks back to real time. */
  real(): void;
  /** The instant last set (ISO), or undefined on real time. */
  readonly now: string | undefined;
  /** Environment for a spawned run: `{ IAM_CONNECTIONS_NOW }` once set, else empty. */
  env(): Record<string, string>;
}

export function shareClock(moto: MotoServer): SharedClock {
  const { setNow, setOffset } = moto;
  if (!setNow || !setOffset) throw new Error('shareClock needs moto started with { faketime: true }');
  let current: string | undefined;
  const clock: SharedClock = {
    set(instant) {
      const d = instant instanceof Date ? instant : new Date(instant);
      if (Number.isNaN(d.getTime())) throw new Error(`shareClock.set: not an instant: ${String(instant)}`);
      current = d.toISOString();
      setNow.call(moto, d);
    },
    advanceDays(days) {
      const base = current ? Date.parse(current) : Date.now();
      clock.set(new Date(base + days * 86_400_000));
      return current as string;
    },
    real() {
      current = undefined;
      setOffset.call(moto, '+0');
    },
    get now() {
      return current;
    },
    env(): Record<string, string> {
      return current ? { IAM_CONNECTIONS_NOW: current } : {};
    },
  };
  return clock;
}
