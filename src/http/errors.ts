/** The closed set of errors a caller can get, each with the HTTP status it answers with. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  SIGNATURE_INVALID: 400,
  INVALID_SLUG: 400,
  INVALID_DATE: 400,
  INVALID_ID: 400,
  INVALID_PAGE: 400,
  INVALID_DOCUMENT: 400,
  UNAUTHENTICATED: 401,
  WRONG_CODE: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  WRONG_PASSWORD: 403,
  TWO_FACTOR_SETUP_REQUIRED: 403,
  NOT_FOUND: 404,
  ARTICLE_NOT_FOUND: 404,
  REVISION_NOT_FOUND: 404,
  IMAGE_NOT_FOUND: 404,
  LINK_INVALID: 404,
  GONE: 410,
  LINK_EXPIRED: 410,
  LINK_USED: 410,
  CONFLICT: 409,
  SLUG_TAKEN: 409,
  IMAGE_IN_USE: 409,
  ARTICLE_CHANGED: 409,
  ARTICLE_IN_TRASH: 409,
  PAGE_CHANGED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNREADABLE_IMAGE: 422,
  UNREADABLE_CSV: 422,
  TK_REMAINING: 422,
  UNSUPPORTED_EMBED: 422,
  INVALID_ACCESS_TIERS: 422,
  RATE_LIMITED: 429,
  WEBHOOKS_NOT_CONFIGURED: 503,
  STRIPE_UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An error whose message tells the caller what to fix. Anything else that is thrown becomes a 500 with
 * no details. `details` carries what a client needs to act on it (who changed an article, and when).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldProblem[];
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, fields: FieldProblem[] = [], details?: Record<string, unknown>) {
    super(message);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.fields = fields;
    this.details = details;
  }
}

export function notFound(message = 'Not found'): AppError {
  return new AppError('NOT_FOUND', message);
}
