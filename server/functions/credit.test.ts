import { and, count, eq, sql } from 'drizzle-orm'
import type { CreditOverview, MyCertificateView, TermsVersionView, VerificationResult } from '../../src/core/contracts/credit'
import { localDay } from '../../src/core/period'
import { localPlatform } from '../platform/local/platform'
import { verifyCertificate } from '../services/credit/verify'
import type { Database } from '../store/database'
import { appendLedgerEntry } from '../store/ledger'
import { auditRecords, certificateVerifications, creditCertificates } from '../store/schema'
import { openDemoTestDatabase } from '../test-support/test-database'
import { accountFunction } from './account'
import { creditFunction } from './credit'
import type { CloudFunction } from './define-function'
import { orgFunction } from './org'

let database: Database
let seq = 0
const rid = () => `req-credit-${++seq}`

type Answer = { ok: true; data: any } | { ok: false; error: { code: string; message: string } }
const invoke = (fn: CloudFunction, openid: string, event: Record<string, unknown>) =>
  fn.invoke({ db: database.db, openid, event, platform: localPlatform }) as Promise<Answer>
async function ok<T>(openid: string, event: Record<string, unknown>, fn: CloudFunction = creditFunction): Promise<T> {
  const answer = await invoke(fn, openid, event)
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
  return answer.data as T
}
async function refused(openid: string, event: Record<string, unknown>): Promise<string> {
  const answer = await invoke(creditFunction, openid, event)
  if (answer.ok) throw new Error(`expected a refusal, got ${JSON.stringify(answer.data)}`)
  return answer.error.code
}
const issue = (openid: string, extra: Record<string, unknown> = {}) =>
  ok<MyCertificateView>(openid, { action: 'issue', requestId: rid(), bankId: 'bk-pinghu', ...extra })
const verify = (openid: string, scan: string) => ok<VerificationResult>(openid, { action: 'verify', requestId: rid(), scan })
const mine = (openid = 'demo-villager') => ok<CreditOverview>(openid, { action: 'mine' })
async function verificationCount(): Promise<number> {
  return (await database.db.select({ n: count() }).from(certificateVerifications))[0].n
}
/** One character of `text` at `index` changed to another of the same alphabet. */
function oneCharacterOff(text: string, index: number): string {
  const swap = text[index] === 'A' ? 'B' : 'A'
  return text.slice(0, index) + swap + text.slice(index + 1)
}

/** A fresh WeChat user bound to a household through the roster's invite code. */
async function bindMember(openid: string, householdId: string) {
  const invite = await ok<{ code: string }>('demo-cadre', { action: 'issueInvite', requestId: rid(), householdId }, accountFunction)
  await ok(openid, { action: 'bind', requestId: rid(), code: invite.code, displayName: '张小军' }, accountFunction)
}

/** A bank officer onboarded as staff are: the admin adds the org and issues a code, the officer binds it. */
async function onboardOfficer(openid: string, parentId: string, kind: 'bank' | 'bank_branch', name: string): Promise<string> {
  const unit = await ok<{ id: string }>('demo-admin', { action: 'addUnit', requestId: rid(), parentId, kind, name }, orgFunction)
  const code = await ok<{ code: string }>('demo-admin', { action: 'issueStaffInvite', requestId: rid(), role: 'bank_officer', orgId: unit.id }, orgFunction)
  await ok(openid, { action: 'bindStaff', requestId: rid(), code: code.code, displayName: '外行信贷员' }, orgFunction)
  return unit.id
}

beforeAll(async () => {
  database = await openDemoTestDatabase()
  // 张建国's household earned 250 points this year.
  await database.db.transaction((tx) => appendLedgerEntry(tx, { householdId: 'h-zjq-01', points: 250, kind: 'score', note: '测试' }))
})
afterAll(() => database.close())

describe('a certificate from request to revocation', () => {
  let certificate: MyCertificateView

  it('When 张建国 requests a certificate for 平湖农商银行, then it is valid for 30 days, masked, and states his points', async () => {
    certificate = await issue('demo-villager')
    expect(certificate).toMatchObject({ status: 'valid', statusLabel: '有效', bank: { id: 'bk-pinghu', name: '平湖农商银行' } })
    expect(certificate.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/)
    expect(certificate.qrText).toMatch(/^SZD1\.[0-9A-Z]{10}\.[A-Za-z0-9_-]{86}$/)
    expect(new Date(certificate.expiresAt).getTime() - new Date(certificate.issuedAt).getTime()).toBe(30 * 24 * 3600 * 1000)
    expect(certificate.statements).toMatchObject({ village: '赵家桥村', cooperative: '赵家桥村股份经济合作社', head: '张**', headShown: false, rankBand: '前 10%', overdueRectifications: 0, upheldDeductions: 0 })
    expect(certificate.statements.thisYear.points).toBe(250)
  })

  it('When the same request is sent again, then the same certificate comes back and no second one is made', async () => {
    const event = { action: 'issue', requestId: 'req-credit-replay', bankId: 'bk-pinghu' }
    const first = await ok<MyCertificateView>('demo-villager-2', event)
    const again = await ok<MyCertificateView>('demo-villager-2', event)
    expect(again.id).toBe(first.id)
    const rows = await database.db.select({ n: count() }).from(creditCertificates).where(eq(creditCertificates.householdId, 'h-zjq-02'))
    expect(rows[0].n).toBe(1)
  })

  it('When the bank officer scans the QR or types the code, then she sees the statements as valid, and the household sees who looked', async () => {
    const scanned = await verify('demo-bank', certificate.qrText!)
    expect(scanned).toMatchObject({ status: 'valid', statusLabel: '有效', code: certificate.code, statements: certificate.statements })
    expect(scanned.publicKeyPem).toContain('BEGIN PUBLIC KEY')
    const typed = await verify('demo-bank', ` ${certificate.code.toLowerCase()} `)
    expect(typed.statements).toEqual(certificate.statements)
    const overview = await mine()
    expect(overview.verifications.slice(0, 2)).toMatchObject([
      { officerName: '顾晓燕', bankName: '平湖农商银行', statusLabel: '有效', certificateCode: certificate.code },
      { officerName: '顾晓燕', bankName: '平湖农商银行', statusLabel: '有效' },
    ])
  })

  it('When the signature or the code is changed by one character, then it is refused and nothing is recorded', async () => {
    const before = await verificationCount()
    const [prefix, code, signature] = certificate.qrText!.split('.')
    expect(await refused('demo-bank', { action: 'verify', requestId: rid(), scan: `${prefix}.${code}.${oneCharacterOff(signature, 10)}` })).toBe('CERTIFICATE_INVALID')
    expect(await refused('demo-bank', { action: 'verify', requestId: rid(), scan: `${prefix}.${code}.${signature.slice(0, -1)}` })).toBe('CERTIFICATE_INVALID')
    expect(await refused('demo-bank', { action: 'verify', requestId: rid(), scan: `${prefix}.${oneCharacterOff(code, 3)}.${signature}` })).toBe('CERTIFICATE_INVALID')
    expect(await refused('demo-bank', { action: 'verify', requestId: rid(), scan: oneCharacterOff(code, 0) })).toBe('CERTIFICATE_INVALID')
    expect(await verificationCount()).toBe(before)
  })

  it('When a cadre, a shop clerk or the street admin tries to read it, then they are refused and nothing is recorded', async () => {
    const before = await verificationCount()
    for (const openid of ['demo-cadre', 'demo-shop', 'demo-admin', 'demo-grid-leader', 'demo-villager']) {
      expect(await refused(openid, { action: 'verify', requestId: rid(), scan: certificate.qrText! })).toBe('FORBIDDEN')
    }
    expect(await verificationCount()).toBe(before)
  })

  it('When another bank’s officer (onboarded with a staff code) scans it, then it is refused: the household gave it to 平湖农商银行', async () => {
    await onboardOfficer('officer-other-bank', 'st-danghu', 'bank', '嘉兴银行')
    const answer = await invoke(creditFunction, 'officer-other-bank', { action: 'verify', requestId: rid(), scan: certificate.qrText! })
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '这份积分证明是农户给别的银行的，您不能查看' } })
  })

  it('When an officer of 平湖农商银行’s branch scans it, then she may verify it, and the household sees the branch', async () => {
    await onboardOfficer('officer-branch', 'bk-pinghu', 'bank_branch', '新仓支行')
    expect((await verify('officer-branch', certificate.qrText!)).status).toBe('valid')
    expect((await mine()).verifications[0]).toMatchObject({ officerName: '外行信贷员', bankName: '平湖农商银行 新仓支行' })
  })

  it('When a family member of another household tries to revoke it, then it is refused', async () => {
    expect(await refused('demo-villager-2', { action: 'revoke', requestId: rid(), certificateId: certificate.id })).toBe('FORBIDDEN')
  })

  it('When another bound member of the household revokes it, then the officer sees 已撤销 and no figures', async () => {
    await bindMember('member-h-zjq-01', 'h-zjq-01')
    const revoked = await ok<MyCertificateView>('member-h-zjq-01', { action: 'revoke', requestId: rid(), certificateId: certificate.id })
    expect(revoked).toMatchObject({ status: 'revoked', statusLabel: '已撤销', qrText: null })
    const seen = await verify('demo-bank', certificate.qrText!)
    expect(seen).toMatchObject({ status: 'revoked', statusLabel: '已撤销', statements: null })
    expect(await refused('demo-villager', { action: 'revoke', requestId: rid(), certificateId: certificate.id })).toBe('CERTIFICATE_STATE')
    expect((await mine()).verifications[0]).toMatchObject({ statusLabel: '已撤销' })
  })
})

describe('superseded, expired, edited', () => {
  it('When the household requests a new certificate, then the old one shows 已被新证明取代 with no figures, and the new one is valid', async () => {
    const old = await issue('demo-villager')
    const fresh = await issue('demo-villager', { showName: true })
    expect(fresh.statements.head).toBe('张建国')
    expect(await verify('demo-bank', old.qrText!)).toMatchObject({ status: 'superseded', statusLabel: '已被新证明取代', statements: null })
    expect(await verify('demo-bank', fresh.qrText!)).toMatchObject({ status: 'valid', statements: { head: '张建国', headShown: true } })
    expect((await mine()).certificate).toMatchObject({ id: fresh.id, status: 'valid' })
  })

  it('When 30 days have passed, then the officer sees 已过期 and no figures', async () => {
    const fresh = (await mine()).certificate!
    const later = new Date(new Date(fresh.expiresAt).getTime() + 1000)
    const seen = await database.db.transaction((tx) => verifyCertificate(tx, 'demo-bank', { scan: fresh.qrText! }, later))
    expect(seen).toMatchObject({ status: 'expired', statusLabel: '已过期', statements: null })
  })

  it('When someone edits a certificate’s figures in the database, then its signature no longer holds and it is refused', async () => {
    const fresh = (await mine()).certificate!
    // The guard trigger refuses such an edit; someone who gets past it still cannot make the row verify.
    await expect(database.db.execute(sql`update credit_certificates set statements = jsonb_set(statements, '{thisYear,points}', '999') where id = ${fresh.id}`)).rejects.toThrow()
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table credit_certificates disable trigger credit_certificates_guard`)
      await tx.execute(sql`update credit_certificates set statements = jsonb_set(statements, '{thisYear,points}', '999') where id = ${fresh.id}`)
      await tx.execute(sql`alter table credit_certificates enable trigger credit_certificates_guard`)
    })
    expect(await refused('demo-bank', { action: 'verify', requestId: rid(), scan: fresh.qrText! })).toBe('CERTIFICATE_INVALID')
    expect(await refused('demo-bank', { action: 'verify', requestId: rid(), scan: fresh.code })).toBe('CERTIFICATE_INVALID')
  })
})

describe('the bank’s terms', () => {
  it('When the villager opens 积分证明, then beside the certificate he reads what 平湖农商银行’s terms give his household', async () => {
    const fresh = await issue('demo-villager')
    const offer = (await mine()).banks.find((b) => b.bank.id === 'bk-pinghu')!
    expect(offer.terms).toMatchObject({ version: 1, basis: 'thisYear' })
    expect(offer.sentence).toBe('按本行现行规则，您家可享受利率优惠 0.2 个百分点，授信额度最高 100,000.00 元')
    expect(fresh.statements.thisYear.points).toBe(250)
  })

  it('When the bank publishes new terms, then the villager sees them, the certificate does not change, and the audit trail records it', async () => {
    const before = (await mine()).certificate!
    const published = await ok<TermsVersionView>('demo-bank', {
      action: 'publishTerms',
      requestId: rid(),
      effectiveFrom: localDay(new Date()),
      basis: 'thisYear',
      bands: [
        { minPoints: 100, discountBp: 15, creditLineFen: 5_000_000 },
        { minPoints: 250, discountBp: 35, creditLineFen: 30_000_000 },
      ],
    })
    expect(published).toMatchObject({ version: 2, bandLines: ['本年积分满 100 分：利率优惠 0.15 个百分点，授信最高 50,000.00 元', '本年积分满 250 分：利率优惠 0.35 个百分点，授信最高 300,000.00 元'] })
    const overview = await mine()
    expect(overview.certificate).toEqual(before)
    expect(overview.banks.find((b) => b.bank.id === 'bk-pinghu')!.sentence).toBe('按本行现行规则，您家可享受利率优惠 0.35 个百分点，授信额度最高 300,000.00 元')
    const page = await ok<{ versions: { version: number; inForce: boolean }[]; mayPublish: boolean }>('demo-bank', { action: 'terms' })
    expect(page.versions.map((v) => [v.version, v.inForce])).toEqual([[2, true], [1, false]])
    expect(page.mayPublish).toBe(true)
    const audit = await database.db.select().from(auditRecords).where(and(eq(auditRecords.action, 'bank.terms'), eq(auditRecords.orgId, 'bk-pinghu')))
    expect(audit).toHaveLength(1)
  })

  it('When the bands fall, the day is past, or a branch officer publishes, then it is refused and nothing is written', async () => {
    const base = { action: 'publishTerms', basis: 'thisYear', effectiveFrom: localDay(new Date()) }
    const band = (minPoints: number, discountBp: number) => ({ minPoints, discountBp, creditLineFen: 0 })
    expect(await refused('demo-bank', { ...base, requestId: rid(), bands: [band(200, 10), band(100, 20)] })).toBe('INVALID_INPUT')
    expect(await refused('demo-bank', { ...base, requestId: rid(), bands: [band(100, 12.5)] })).toBe('INVALID_INPUT')
    expect(await refused('demo-bank', { ...base, requestId: rid(), effectiveFrom: '2020-01-01', bands: [band(100, 10)] })).toBe('INVALID_INPUT')
    expect(await refused('officer-branch', { ...base, requestId: rid(), bands: [band(100, 10)] })).toBe('FORBIDDEN')
    expect(await refused('demo-cadre', { ...base, requestId: rid(), bands: [band(100, 10)] })).toBe('FORBIDDEN')
    expect((await ok<{ versions: unknown[] }>('demo-bank', { action: 'terms' })).versions).toHaveLength(2)
  })

  it('When a cadre, a villager or another bank asks for 平湖农商银行’s terms page, then it is refused', async () => {
    for (const openid of ['demo-cadre', 'demo-villager', 'demo-admin']) expect(await refused(openid, { action: 'terms', bankId: 'bk-pinghu' })).toBe('FORBIDDEN')
    expect(await refused('officer-other-bank', { action: 'terms', bankId: 'bk-pinghu' })).toBe('FORBIDDEN')
  })
})

describe('who may request', () => {
  it('When staff without a household or a stranger asks for a certificate, then they are refused', async () => {
    expect(await refused('demo-bank', { action: 'issue', requestId: rid(), bankId: 'bk-pinghu' })).toBe('FORBIDDEN')
    expect(await refused('demo-cadre', { action: 'mine' })).toBe('FORBIDDEN')
    expect(await refused('nobody', { action: 'mine' })).toBe('NOT_REGISTERED')
  })

  it('When the bank named is not a bank of the street, then it is not found', async () => {
    expect(await refused('demo-villager', { action: 'issue', requestId: rid(), bankId: 'v-zjq' })).toBe('NOT_FOUND')
    expect(await refused('demo-villager', { action: 'issue', requestId: rid(), bankId: 'bkb-danghu' })).toBe('NOT_FOUND')
  })
})
