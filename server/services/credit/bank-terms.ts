import { and, desc, eq, inArray, lte, max } from 'drizzle-orm'
import type { BankTermsPage, TermsVersionView } from '../../../src/core/contracts/credit'
import { formatPercentagePoints, TERMS_BASIS_LABELS, type TermsBand, type TermsBasis } from '../../../src/core/credit/bank-terms'
import { AppError } from '../../../src/core/errors'
import { formatYuan } from '../../../src/core/money'
import { localDay } from '../../../src/core/period'
import { isCalendarDay, versionInForce } from '../../../src/core/published-versions'
import { coveringGrant } from '../../../src/core/policy'
import type { Db } from '../../store/database'
import { bankTerms, orgs } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { recordAudit } from '../org/audit-trail'
import { orgRef } from '../org/org-scope'
import { officerBank, officerGrantIn } from './bank-access'

type TermsRow = typeof bankTerms.$inferSelect

/** 本行规则: the bank's versions, newest first, the one in force today marked. Its officers (branches too) read them. */
export async function listBankTerms(db: Db, openid: string, input: { bankId?: string }): Promise<BankTermsPage> {
  const caller = await loadCaller(db, openid)
  const bank = await officerBank(db, caller, input.bankId)
  officerGrantIn(caller, bank, '您只能看本行的规则')
  const rows = await db.select().from(bankTerms).where(eq(bankTerms.bankId, bank.id)).orderBy(desc(bankTerms.version))
  const inForce = versionInForce(rows, localDay(new Date()))
  return {
    bank: orgRef(bank),
    versions: rows.map((row) => ({ ...termsVersionView(row), inForce: row.id === inForce?.id })),
    mayPublish: coveringGrant(caller.grants, 'publishBankTerms', [bank.path]) !== undefined,
  }
}

/**
 * Publishes a new version of the bank's terms, from a day on (today or later); earlier versions stay
 * as they were. An officer of the bank itself, not of a branch. Recorded in the audit trail.
 */
export async function publishBankTerms(
  db: Db,
  openid: string,
  input: { bankId?: string; effectiveFrom: string; basis: TermsBasis; bands: TermsBand[] },
): Promise<TermsVersionView> {
  const caller = await loadCaller(db, openid)
  const bank = await officerBank(db, caller, input.bankId)
  if (!coveringGrant(caller.grants, 'publishBankTerms', [bank.path])) throw new AppError('FORBIDDEN', '只有本行总行的信贷员可以发布规则')
  const today = localDay(new Date())
  if (!isCalendarDay(input.effectiveFrom)) throw new AppError('INVALID_INPUT', '生效日期不对，请重新选择', { effectiveFrom: '生效日期不对' })
  if (input.effectiveFrom < today) throw new AppError('INVALID_INPUT', '生效日期不能早于今天', { effectiveFrom: '生效日期不能早于今天' })
  // One publication at a time per bank: the bank's row is locked until the version is written.
  await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, bank.id)).for('update')
  const [{ latest }] = await db.select({ latest: max(bankTerms.version) }).from(bankTerms).where(eq(bankTerms.bankId, bank.id))
  const [row] = await db
    .insert(bankTerms)
    .values({ bankId: bank.id, version: (latest ?? 0) + 1, effectiveFrom: input.effectiveFrom, basis: input.basis, bands: input.bands, publishedBy: openid })
    .returning()
  await recordAudit(db, {
    actorOpenid: openid,
    action: 'bank.terms',
    orgId: bank.id,
    after: { version: row.version, effectiveFrom: row.effectiveFrom, basis: TERMS_BASIS_LABELS[input.basis], bands: bandLines(input.basis, input.bands) },
  })
  return termsVersionView(row)
}

/** The terms in force on `day` for each of the banks: the newest version that has taken effect. */
export async function termsInForceFor(db: Db, bankIds: readonly string[], day: string): Promise<Map<string, TermsVersionView>> {
  if (bankIds.length === 0) return new Map()
  const rows = await db
    .select()
    .from(bankTerms)
    .where(and(inArray(bankTerms.bankId, [...bankIds]), lte(bankTerms.effectiveFrom, day)))
    .orderBy(desc(bankTerms.version))
  const found = new Map<string, TermsVersionView>()
  for (const bankId of bankIds) {
    const row = versionInForce(rows.filter((r) => r.bankId === bankId), day)
    if (row) found.set(bankId, termsVersionView(row))
  }
  return found
}

function termsVersionView(row: TermsRow): TermsVersionView {
  const basis = row.basis as TermsBasis
  return {
    id: row.id,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    basis,
    basisLabel: TERMS_BASIS_LABELS[basis],
    bands: row.bands,
    bandLines: bandLines(basis, row.bands),
    publishedAt: row.createdAt.toISOString(),
  }
}

function bandLines(basis: TermsBasis, bands: readonly TermsBand[]): string[] {
  return bands.map((band) => {
    const line = band.creditLineFen > 0 ? `，授信最高 ${formatYuan(band.creditLineFen)} 元` : ''
    return `${TERMS_BASIS_LABELS[basis]}满 ${band.minPoints} 分：利率优惠 ${formatPercentagePoints(band.discountBp)} 个百分点${line}`
  })
}
