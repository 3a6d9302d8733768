import { totpCode } from '../staff/totp.ts';

/** A six-digit code that is not right for a secret now, nor in the steps either side. */
export function wrongCode(secret: string): string {
  const near = [-30_000, 0, 30_000, 60_000].map((offset) => totpCode(secret, Date.now() + offset));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!near.includes(code)) return code;
  }
}

/** The code of the next 30-second step: right (within a step), and never one just used. */
export const nextCode = (secret: string): string => totpCode(secret, Date.now() + 30_000);
