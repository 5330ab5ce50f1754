/**
 * An answer holding a one-time code is shown whole once. A repeat of the same request (same
 * requestId: a retry after the first answer was lost) gets it without the code, which is never
 * stored: only its last 2 characters and that it was shown already.
 */
export type CodeWithheld = { codeTail: string; codeShownOnce: true }

/** What issuing a code answers: the code the first time, `CodeWithheld` on a repeat. */
export type ShownOnce<T extends { code: string }> = T | (Omit<T, 'code'> & CodeWithheld)

/** The code when this answer carries it; null when it is a repeat that withholds it. */
export function shownCode(answer: { code: string } | CodeWithheld): string | null {
  return 'code' in answer ? answer.code : null
}
