import { bigserial, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import type { TermsBand } from '../../../src/core/credit/bank-terms'
import type { CertificateStatements } from '../../../src/core/credit/certificate'
import { createdAt } from './columns'
import { households, orgs, users } from './organisation'

/**
 * 积分证明 (善治贷): one certificate a household asked for, addressed to one bank. The statements, the
 * times and the signature are written once at issue (the signature covers them, so an edited row no
 * longer verifies); only revocation and supersession are set afterwards.
 */
export const creditCertificates = pgTable(
  'credit_certificates',
  {
    /** The 10-character code, which the officer types. */
    id: text('id').primaryKey(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    bankId: text('bank_id')
      .notNull()
      .references(() => orgs.id),
    bankName: text('bank_name').notNull(),
    statements: jsonb('statements').$type<CertificateStatements>().notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Ed25519 over the canonical claims, base64url. */
    signature: text('signature').notNull(),
    issuedBy: text('issued_by')
      .notNull()
      .references(() => users.openid),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: text('revoked_by').references(() => users.openid),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    supersededBy: text('superseded_by'),
    createdAt: createdAt(),
  },
  (t) => [index('credit_certificates_household_idx').on(t.householdId, t.issuedAt)],
)

/** Each time an officer looked a certificate up: who, for which bank or branch, when, what they were shown. Append-only. */
export const certificateVerifications = pgTable(
  'certificate_verifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    certificateId: text('certificate_id')
      .notNull()
      .references(() => creditCertificates.id),
    officerOpenid: text('officer_openid')
      .notNull()
      .references(() => users.openid),
    /** The bank or branch the officer's role is held on. */
    officerOrgId: text('officer_org_id')
      .notNull()
      .references(() => orgs.id),
    status: text('status').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('certificate_verifications_certificate_idx').on(t.certificateId, t.id)],
)

/** A bank's published terms, one row per version; never edited (a trigger refuses it). */
export const bankTerms = pgTable(
  'bank_terms',
  {
    id: serial('id').primaryKey(),
    bankId: text('bank_id')
      .notNull()
      .references(() => orgs.id),
    version: integer('version').notNull(),
    /** The Asia/Shanghai day ("2026-12-01") they take effect. */
    effectiveFrom: text('effective_from').notNull(),
    basis: text('basis').notNull(),
    bands: jsonb('bands').$type<TermsBand[]>().notNull(),
    publishedBy: text('published_by')
      .notNull()
      .references(() => users.openid),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('bank_terms_version').on(t.bankId, t.version)],
)
