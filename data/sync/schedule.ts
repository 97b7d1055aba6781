import { SYNC_LIMITS } from './limits';

/** Alarm name for a pack's automatic checks. */
export const alarmName = (packId: string) => `pack-sync:${packId}`;

/** The pack id of an alarm name, or null for other alarms. */
export function packIdOfAlarm(name: string): string | null {
  return name.startsWith('pack-sync:') ? name.slice('pack-sync:'.length) : null;
}

/** An interval the scheduler accepts: whole minutes, never below the minimum. */
export function clampInterval(minutes: number | undefined): number {
  const m = Math.round(minutes ?? SYNC_LIMITS.defaultIntervalMinutes);
  return Math.max(SYNC_LIMITS.minIntervalMinutes, Number.isFinite(m) ? m : SYNC_LIMITS.defaultIntervalMinutes);
}

/**
 * When to check next: one interval from `now`, plus a spread of up to a tenth of it (at most
 * 30 minutes) so subscribers of one host do not all ask at the same moment.
 */
export function nextCheckTime(now: number, intervalMinutes: number, random: () => number = Math.random): number {
  const interval = clampInterval(intervalMinutes) * 60_000;
  const spread = Math.min(interval / 10, 30 * 60_000) * random();
  return Math.round(now + interval + spread);
}
