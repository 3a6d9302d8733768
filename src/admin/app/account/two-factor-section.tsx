/** Two-factor sign-in on My account (to come). */
export function TwoFactorSection() {
  return null;
}
