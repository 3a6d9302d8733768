import { uuidv7 } from 'uuidv7';

/** Ids are made by the application (time-ordered UUIDv7), never by a database function. */
export function newId(): string {
  return uuidv7();
}

/** The current instant as stored in the database: ISO-8601 UTC text. */
export function nowIso(): string {
  return new Date().toISOString();
}
