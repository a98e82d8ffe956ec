import type { TimeStr } from "inngest";

/** A time string ("1s", "20m", "1h30m", "2d"): Inngest's own type, so every value is valid for both drivers. */
export type DurationString = TimeStr;

const UNIT_MS = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 } as const;
const DURATION = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

export function isDurationString(value: string): boolean {
  return value !== "" && DURATION.test(value);
}

/** Milliseconds in a duration given as a number of ms or a time string. */
export function toMilliseconds(duration: number | string): number {
  if (typeof duration === "number") {
    if (!Number.isFinite(duration)) throw new RangeError(`Invalid duration: ${duration}`);
    return Math.max(0, duration);
  }
  const match = duration === "" ? null : DURATION.exec(duration);
  if (!match) throw new RangeError(`Invalid duration "${duration}" (expected e.g. "30s", "20m", "1h30m")`);
  const [, w, d, h, m, s] = match;
  return (
    Number(w ?? 0) * UNIT_MS.w +
    Number(d ?? 0) * UNIT_MS.d +
    Number(h ?? 0) * UNIT_MS.h +
    Number(m ?? 0) * UNIT_MS.m +
    Number(s ?? 0) * UNIT_MS.s
  );
}
