// Rosters typed on Chinese IMEs often carry full-width digits, letters and spaces.
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

export function cleanText(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, ' ').trim();
}
