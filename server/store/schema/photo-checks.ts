import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'

/**
 * WeChat's image check (security.mediaCheckAsync) of one uploaded photo others will see. The answer
 * arrives later by message push (event wxa_media_check) with the trace id WeChat gave when asked;
 * until then the verdict is `checking`. A retry asks again under a new trace id.
 */
export const photoChecks = pgTable(
  'photo_checks',
  {
    fileId: text('file_id').primaryKey(),
    uploaderOpenid: text('uploader_openid').notNull(),
    /** WeChat's trace id of the latest request; null while it has not been asked (or asking failed). */
    traceId: text('trace_id').unique(),
    /** checking | pass | risky (WeChat's `review` counts as risky: these photos go public). */
    verdict: text('verdict').notNull().default('checking'),
    attempts: integer('attempts').notNull().default(0),
    requestedAt: timestamp('requested_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('photo_checks_verdict_idx').on(t.verdict, t.requestedAt)],
)

/**
 * A photo deleted from storage because its case closed longer ago than its village keeps photos
 * (村里的设置: photoKeptDays). Pages leave it out; the timer never deletes it twice. The ledger and
 * the case's own rows are not touched: they keep the file id, which now names nothing.
 */
export const photoDeletions = pgTable('photo_deletions', {
  fileId: text('file_id').primaryKey(),
  /** The case that let it go: `notice:<id>` or `matter:<id>` (the last of its cases to expire). */
  closedCase: text('closed_case').notNull(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }).notNull(),
})
