// Limits of the stored document format that code outside its TypeBox schema must respect too. Kept
// apart from ./document.ts so the editor's browser bundle can read them without carrying TypeBox.

/** The longest text node a document may hold (characters, as JavaScript counts them). */
export const TEXT_MAX_LENGTH = 20000;

/** The format's current version: every body is stored in it; older versions are read and upgraded. */
export const DOCUMENT_VERSION = 2;
