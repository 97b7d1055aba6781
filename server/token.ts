import { createHash, timingSafeEqual } from 'node:crypto';

/** Whether `given` is the maintainer's token, compared in constant time. */
export function isMaintainerToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return match?.[1]?.trim();
}
