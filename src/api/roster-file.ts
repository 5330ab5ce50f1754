/** A roster file as the account function takes it: its name (for the type) and its bytes in base64. */
export type RosterFile = { fileName: string; contentBase64: string }

/** What a file pick gives: the file, or why it cannot be used. */
export type PickedRosterFile = { ok: true; file: RosterFile } | { ok: false; message: string }

/** The same 2 MB the cloud function accepts, checked before the upload. */
export const ROSTER_MAX_BYTES = 2 * 1024 * 1024
