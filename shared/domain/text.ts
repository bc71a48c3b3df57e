// Rosters typed on Chinese IMEs often carry full-width digits, letters and spaces.
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

export function cleanText(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, ' ').trim();
}

/**
 * For text a user keeps (names, addresses, notes): full-width letters and digits become
 * half-width, but Chinese punctuation （），：stays as typed — it is correct in Chinese text.
 */
export function tidyText(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
