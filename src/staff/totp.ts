import { Secret, TOTP } from 'otpauth';

// RFC 6238 as every authenticator app reads it: SHA-1, six digits, 30-second steps.
const PERIOD = 30;
const totp = (secret: string, label = 'Gaceta', issuer = '') =>
  new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });

/** A new random TOTP secret (160 bits, as RFC 4226 recommends), in base32. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The otpauth:// address an authenticator app reads from the QR code. */
export const totpUri = (secret: string, issuer: string, label: string): string =>
  totp(secret, label, issuer).toString();

/**
 * The 30-second step a code belongs to, if it is right for now or the step either side (a phone's
 * clock may be a little off); null when it is not. Callers refuse a step already used.
 */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : TOTP.counter({ period: PERIOD, timestamp: now }) + delta;
}

/** The code of a secret at a time (tests, and nothing else, act as the authenticator app). */
export const totpCode = (secret: string, timestamp = Date.now()): string => totp(secret).generate({ timestamp });
