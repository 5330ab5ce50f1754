/**
 * Deletes photos from storage for good (the retention of closed cases' photos). Answers the file ids
 * that are gone now, deleted or found already absent; the others are tried again on a later tick.
 */
export type DeletePhotos = (fileIds: readonly string[]) => Promise<string[]>
