import { CERTIFICATE_VALID_DAYS } from '../../src/core/credit/certificate'
import { localDay } from '../../src/core/period'
import { issueCertificate } from '../services/credit/certificates'
import type { DemoClock } from './clock'
import type { Db } from '../store/database'
import { bankTerms } from '../store/schema'

/** The demo bank's loan officer (granted on the bank itself, so she may publish its terms). */
export const BANK_OFFICER = 'demo-bank'

/**
 * 平湖农商银行's 善治贷 terms, published a month ago: every 100 points of this year's earned points
 * take 0.1 个百分点 off the loan rate, with a larger credit line, up to 0.3 at 300 points (as 广汉's
 * 积分贷 does per 100 points).
 */
export async function seedDemoBankTerms(tx: Db, clock: DemoClock): Promise<void> {
  const published = clock.daysAgo(30)
  await tx.insert(bankTerms).values({
    bankId: 'bk-pinghu',
    version: 1,
    effectiveFrom: localDay(published),
    basis: 'thisYear',
    bands: [
      { minPoints: 100, discountBp: 10, creditLineFen: 5_000_000 },
      { minPoints: 200, discountBp: 20, creditLineFen: 10_000_000 },
      { minPoints: 300, discountBp: 30, creditLineFen: 20_000_000 },
    ],
    publishedBy: BANK_OFFICER,
    createdAt: published,
  })
}

/**
 * 李秀英 asked for a 积分证明 for 平湖农商银行 28 days ago: it expires in two days, so her 首页 says so
 * and the clock's first pass has told her (as it tells every household in its certificate's last 3 days).
 */
export async function seedDemoCertificate(tx: Db, clock: DemoClock): Promise<void> {
  await issueCertificate(tx, 'demo-villager-2', { bankId: 'bk-pinghu', showName: false }, clock.daysAgo(CERTIFICATE_VALID_DAYS - 2))
}
