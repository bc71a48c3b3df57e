// The one error HQ answers with: an HTTP status, a stable code the device acts on, and the reason in
// Chinese and English. Its own module so that any HQ module can throw it without importing another's.
export class HqError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(en);
  }
}
