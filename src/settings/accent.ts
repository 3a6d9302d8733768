/*
 * The accent colour's contrast against the white page, by WCAG 2.1's definitions (relative
 * luminance, contrast ratio). Pure, with no server module, so the web app checks a colour as it is
 * picked with the same arithmetic the server refuses it with.
 */

/** WCAG 2.1 AA for normal text (1.4.3): reader pages set labels and hovered links in the accent. */
export const ACCENT_MIN_CONTRAST = 4.5;

export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

function channel(hex: string, at: number): number {
  const value = parseInt(hex.slice(at, at + 2), 16) / 255;
  return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** The contrast ratio of a #rrggbb colour against white, from 1 to 21. */
export function contrastWithWhite(hex: string): number {
  const luminance = 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
  return 1.05 / (luminance + 0.05);
}

/** Whether text in this colour on white passes WCAG AA. */
export function readableOnWhite(hex: string): boolean {
  return HEX_COLOUR.test(hex) && contrastWithWhite(hex) >= ACCENT_MIN_CONTRAST;
}
