import { eq } from 'drizzle-orm'
import { Workbook } from 'exceljs'
import type { BindResult, DoorPlateView, HouseholdList, IssuedInvite, LeftMerchant, MerchantView, PlateOpening, PlateSheet, WhoAmI } from '../../src/core/contracts/account'
import type { BoardView, CommendationsView, ConcernPage, MerchantList, OpenedTraining, SignInResult, StarRatingsView, StarTermsView, TrainingView, YearExport, YearView } from '../../src/core/contracts/merchant'
import type { NoticeView } from '../../src/core/contracts/notice'
import type { StreetExport, StreetOverview } from '../../src/core/contracts/street'
import type { IssuedStaffInvite, StaffBindResult, StaffList, UnitView } from '../../src/core/contracts/org'
import type { LedgerPage, Ranking, RuleSetView, SubmitResult } from '../../src/core/contracts/score'
import { MERCHANT_RULE_CATEGORIES } from '../../src/core/rules'
import { localDay, periodsOf } from '../../src/core/period'
import type { Database } from '../store/database'
import { households, merchantConcerns, notices, starRatings } from '../store/schema'
import { functionCaller } from '../test-support/function-caller'
import { openDemoTestDatabase } from '../test-support/test-database'
import { accountFunction } from './account'
import { merchantFunction } from './merchant'
import { noticeFunction } from './notice'
import { orgFunction } from './org'
import { scoreFunction } from './score'
import { streetFunction } from './street'

/**
 * 商家自治联盟 on the demo street, through the handlers, as the people would: the street's admin
 * creates the alliance and its committee member binds; the committee adds merchants and an owner
 * (who is also a villager) binds; an inspector deducts for 食品安全, the owner shows proof, and the
 * points come back once. Each test builds on the one before.
 */
let database: Database
let seq = 0
const rid = () => `req-merchant-${++seq}`
const functions = { org: orgFunction, account: accountFunction, score: scoreFunction, notice: noticeFunction, merchant: merchantFunction, street: streetFunction }
const PHOTO = 'local://0b7f3c1e-9a55-4c55-9d0e-3a1f6a7b8c9d.jpg'

beforeAll(async () => {
  database = await openDemoTestDatabase()
}, 120_000)
afterAll(() => database.close())

const { call, ok, refused } = functionCaller(functions, () => database.db)
async function staffFor(role: string, orgId: string, by: string, openid: string, displayName: string) {
  const invite = await ok<IssuedStaffInvite>(by, 'org', { action: 'issueStaffInvite', requestId: rid(), role, orgId })
  const bound = await ok<StaffBindResult>(openid, 'org', { action: 'bindStaff', requestId: rid(), code: invite.code, displayName })
  expect(bound).toMatchObject({ bound: true, role })
}

let allianceId = ''
let noodles: MerchantView
let rules: Record<string, number> = {}

describe('the street’s admin starts an alliance', () => {
  it('When the admin adds 百步商家自治联盟 under the street, then it starts with the merchants’ six categories of rules, published', async () => {
    const unit = await ok<UnitView>('demo-admin', 'org', { action: 'addUnit', requestId: rid(), parentId: 'st-danghu', kind: 'alliance', name: '百步商家自治联盟' })
    expect(unit).toMatchObject({ kind: 'alliance', name: '百步商家自治联盟', parentId: 'st-danghu' })
    allianceId = unit.id
    const set = await ok<RuleSetView>('demo-admin', 'score', { action: 'rules', orgId: allianceId })
    expect(new Set(set.rules.map((r) => r.category))).toEqual(new Set(['食品安全', '环境卫生', '门前三包', '消防安全', '诚信经营', '参加培训']))
    rules = Object.fromEntries(set.rules.map((r) => [r.code, r.id]))
  })

  it('When a village’s cadre tries to add an alliance, then it is refused', async () => {
    expect(await refused('demo-cadre', 'org', { action: 'addUnit', requestId: rid(), parentId: 'st-danghu', kind: 'alliance', name: '另一个联盟' })).toBe('FORBIDDEN')
  })

  it('When the admin invites a committee member (联盟委员), then she binds and may invite a department’s inspector, nothing in a village', async () => {
    await staffFor('alliance_committee', allianceId, 'demo-admin', 'wx-committee', '沈玉梅')
    await staffFor('dept_inspector', allianceId, 'wx-committee', 'wx-inspector', '市场监管所 陆明')
    expect(await refused('wx-committee', 'org', { action: 'issueStaffInvite', requestId: rid(), role: 'grid_leader', orgId: 'v-zjq' })).toBe('FORBIDDEN')
  })

  it('When the committee edits its rules, then it may use the six merchant categories only, and a village may not use them; a refusal publishes nothing', async () => {
    const set = await ok<RuleSetView>('wx-committee', 'score', { action: 'rules', orgId: allianceId })
    expect(set.memberKind).toBe('merchant')
    const own = set.rules.map(({ id: _id, ...rule }) => rule)
    const villageRule = { ...own[0], code: 'waste-sorted', category: '垃圾分类' as const, title: '垃圾分类做得好' }
    const mixed = await call('wx-committee', 'score', { action: 'publishRules', requestId: rid(), ruleSetId: set.id, rules: [...own, villageRule] })
    expect(mixed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '「垃圾分类做得好」的类别「垃圾分类」不能用在商家联盟的细则里，只能选：食品安全、环境卫生、门前三包、消防安全、诚信经营、参加培训' } })
    expect(await ok<RuleSetView>('wx-committee', 'score', { action: 'rules', orgId: allianceId })).toMatchObject({ version: set.version })
    const republished = await ok<RuleSetView>('wx-committee', 'score', { action: 'publishRules', requestId: rid(), ruleSetId: set.id, rules: own })
    expect(republished.version).toBe(set.version + 1)
    rules = Object.fromEntries(republished.rules.map((r) => [r.code, r.id]))

    const village = await ok<RuleSetView>('demo-cadre', 'score', { action: 'rules', orgId: 'v-zjq' })
    expect(village.memberKind).toBe('household')
    const theirs = village.rules.map(({ id: _id, ...rule }) => rule)
    const merchantRule = { ...theirs[0], code: 'food-safe', category: '食品安全' as const, title: '食品安全检查合格' }
    const refusal = await call('demo-cadre', 'score', { action: 'publishRules', requestId: rid(), ruleSetId: village.id, rules: [...theirs, merchantRule] })
    expect(refusal).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('「食品安全」不能用在村社的细则里') } })
    expect(await ok<RuleSetView>('demo-cadre', 'score', { action: 'rules', orgId: 'v-zjq' })).toMatchObject({ version: village.version })
  })
})

describe('merchants join and their owners bind', () => {
  it('When the committee adds two merchants, then the alliance lists them by trade name with their trade, and 入户评分 lists them for the inspector', async () => {
    noodles = await ok<MerchantView>('wx-committee', 'merchant', {
      action: 'add', requestId: rid(), allianceId, tradeName: '老街面馆', trade: '餐饮', ownerName: '张建国', address: '百步老街 12 号',
    })
    await ok<MerchantView>('wx-committee', 'merchant', {
      action: 'add', requestId: rid(), allianceId, tradeName: '百步超市', trade: '零售', ownerName: '吴海林', address: '百步老街 3 号',
    })
    const toInspect = await ok<HouseholdList>('wx-inspector', 'account', { action: 'households', orgId: allianceId })
    expect(toInspect.households.map((h) => h.houseNo).sort()).toEqual(['百步老街 12 号', '百步老街 3 号'])
    const list = await ok<MerchantList>('wx-inspector', 'merchant', { action: 'list', allianceId })
    expect(list.merchants.map((m) => [m.tradeName, m.trade, m.balance])).toEqual([
      ['百步超市', '零售', 0],
      ['老街面馆', '餐饮', 0],
    ])
  })

  it('When a second merchant is added at the same address, or by a village’s cadre, then it is refused and nothing is written', async () => {
    const before = (await database.db.select().from(households)).length
    const again = await call('wx-committee', 'merchant', { action: 'add', requestId: rid(), allianceId, tradeName: '新店', trade: '餐饮', ownerName: '王五', address: '百步老街 12 号' })
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await refused('demo-cadre', 'merchant', { action: 'add', requestId: rid(), allianceId, tradeName: '新店', trade: '餐饮', ownerName: '王五', address: '百步老街 99 号' })).toBe('FORBIDDEN')
    expect(await refused('demo-cadre', 'merchant', { action: 'list', allianceId })).toBe('FORBIDDEN')
    expect((await database.db.select().from(households)).length).toBe(before)
  })

  it('When a villager who owns the noodle shop binds with its code, then whoami gives his household and, apart, his merchant', async () => {
    const invite = await ok<IssuedInvite>('wx-committee', 'account', { action: 'issueInvite', requestId: rid(), householdId: noodles.id })
    const bound = await ok<BindResult>('demo-villager', 'account', { action: 'bind', requestId: rid(), code: invite.code, displayName: '张建国' })
    expect(bound).toMatchObject({ bound: true, household: { id: noodles.id, village: { id: allianceId, kind: 'alliance' } } })
    const me = await ok<WhoAmI>('demo-villager', 'account', { action: 'whoami' })
    expect(me).toMatchObject({ household: { id: 'h-zjq-01' }, merchant: { id: noodles.id, tradeName: '老街面馆' } })
    expect(me.registered && me.roles.map((r) => r.role)).toEqual(['villager', 'merchant_owner'])
  })

  it('When he enters a second shop’s code, then ALREADY_BOUND: one merchant per person, as one household', async () => {
    const [shop] = (await ok<MerchantList>('wx-committee', 'merchant', { action: 'list', allianceId })).merchants.filter((m) => m.tradeName === '百步超市')
    const invite = await ok<IssuedInvite>('wx-committee', 'account', { action: 'issueInvite', requestId: rid(), householdId: shop.id })
    expect(await refused('demo-villager', 'account', { action: 'bind', requestId: rid(), code: invite.code, displayName: '张建国' })).toBe('ALREADY_BOUND')
  })

  it('When the street’s households are listed, then no merchant is among them', async () => {
    const list = await ok<HouseholdList>('demo-admin', 'account', { action: 'households', orgId: 'st-danghu' })
    expect(list.households.length).toBeGreaterThan(30)
    expect(list.households.filter((h) => h.id.startsWith('m-'))).toEqual([])
  })
})

describe('inspection, rectification and points back once', () => {
  let noticeId = 0

  it('When the inspector deducts 食品安全 with a photo, then the shop loses 10 points and a notice opens for it', async () => {
    const result = await ok<SubmitResult>('wx-inspector', 'score', {
      action: 'submit', requestId: rid(), householdIds: [noodles.id], ruleId: rules['alliance-food-safety'], note: '后厨生熟未分开', photos: [PHOTO],
    })
    expect(result.results).toMatchObject([{ householdId: noodles.id, status: 'applied', balance: -10 }])
    const [notice] = await database.db.select().from(notices).where(eq(notices.householdId, noodles.id))
    expect(notice).toMatchObject({ status: 'open', points: 10 })
    noticeId = notice.id
  })

  it('When the inspector tries a household of a village, or a village’s grid leader the shop, then both are refused', async () => {
    expect(await refused('wx-inspector', 'score', { action: 'submit', requestId: rid(), householdIds: ['h-zjq-01'], ruleId: rules['alliance-hygiene'] })).toBe('FORBIDDEN')
    expect(await refused('demo-cadre', 'score', { action: 'submit', requestId: rid(), householdIds: [noodles.id], ruleId: rules['alliance-hygiene'] })).toBe('FORBIDDEN')
  })

  it('When the owner finds the notice among his own (by the trade name), shows proof and the inspector accepts it, then the 10 points come back once; a second check is refused', async () => {
    const mine = await ok<NoticeView[]>('demo-villager', 'notice', { action: 'mine' })
    expect(mine.find((n) => n.id === noticeId)).toMatchObject({ publicLabel: '百步商家自治联盟 老街面馆', masked: false, memberKind: 'merchant' })
    // He opens it (去整改) as his own, though his household is in a village; a villager with no shop there may not.
    expect(await ok<NoticeView>('demo-villager', 'notice', { action: 'detail', noticeId })).toMatchObject({ mine: true, memberKind: 'merchant' })
    expect(await refused('demo-villager-2', 'notice', { action: 'detail', noticeId })).toBe('FORBIDDEN')
    await ok<NoticeView>('demo-villager', 'notice', { action: 'submitProof', requestId: rid(), noticeId, photos: [PHOTO], note: '已分区存放' })
    expect(await refused('demo-villager-2', 'notice', { action: 'submitProof', requestId: rid(), noticeId, photos: [PHOTO] })).toBe('FORBIDDEN')
    const verified = await ok<NoticeView>('wx-inspector', 'notice', { action: 'verify', requestId: rid(), noticeId, accept: true })
    expect(verified.status).toBe('rectified')
    expect(await refused('wx-committee', 'notice', { action: 'verify', requestId: rid(), noticeId, accept: true })).toBe('NOTICE_STATE')
    const [shop] = await database.db.select().from(households).where(eq(households.id, noodles.id))
    expect(shop.balance).toBe(0)
  })

  it('When the owner reads the shop’s ledger, then he sees the deduction and its restoration; his household’s ledger has neither', async () => {
    const shopLedger = await ok<LedgerPage>('demo-villager', 'score', { action: 'ledger', householdId: noodles.id })
    expect(shopLedger).toMatchObject({ householdId: noodles.id, balance: 0 })
    expect(shopLedger.lines.map((e) => e.points)).toEqual([10, -10])
    const home = await ok<LedgerPage>('demo-villager', 'score', { action: 'ledger' })
    expect(home.householdId).toBe('h-zjq-01')
    expect(home.lines.length).toBeGreaterThan(0)
    expect(home.lines.filter((e) => e.rule && (MERCHANT_RULE_CATEGORIES as readonly string[]).includes(e.rule.category))).toEqual([])
  })
})

describe('stars and the 红黑榜', () => {
  const terms = {
    windowMonths: 3,
    bands: [{ minPoints: 3, stars: 3 }, { minPoints: 5, stars: 4, rewardFen: 100_000 }, { minPoints: 20, stars: 5, rewardFen: 300_000 }],
    redMinStars: 4,
    blackLine: -20,
  }
  const month = periodsOf(new Date()).month
  let supermarketId = ''

  it('When the committee publishes star terms, then they are version 1 in force, in words; an inspector may not publish, and bands must rise', async () => {
    const published = await ok<StarTermsView>('wx-committee', 'merchant', { action: 'publishStarTerms', requestId: rid(), allianceId, effectiveFrom: localDay(new Date()), ...terms })
    expect(published).toMatchObject({
      version: 1,
      bandLines: ['近 3 个月积分满 3 分：★★★☆☆ 3 星', '近 3 个月积分满 5 分：★★★★☆ 4 星，年度表彰奖励 1,000.00 元', '近 3 个月积分满 20 分：★★★★★ 5 星，年度表彰奖励 3,000.00 元'],
    })
    expect(await refused('wx-inspector', 'merchant', { action: 'publishStarTerms', requestId: rid(), allianceId, effectiveFrom: localDay(new Date()), ...terms })).toBe('FORBIDDEN')
    const falling = await call('wx-committee', 'merchant', { action: 'publishStarTerms', requestId: rid(), allianceId, effectiveFrom: localDay(new Date()), ...terms, bands: [...terms.bands].reverse() })
    expect(falling).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '第 2 档的起点积分要高于第 1 档' } })
  })

  it('When the supermarket is found with its frontage not kept, then it is on the black list with the reason and today; the noodle shop has left it today', async () => {
    const list = await ok<MerchantList>('wx-committee', 'merchant', { action: 'list', allianceId })
    supermarketId = list.merchants.find((m) => m.tradeName === '百步超市')!.id
    await ok<SubmitResult>('wx-inspector', 'score', { action: 'submit', requestId: rid(), householdIds: [supermarketId], ruleId: rules['alliance-frontage'], note: '门口堆放纸箱', photos: [PHOTO] })
    const board = await ok<BoardView>('demo-villager-2', 'merchant', { action: 'board', orgId: 'st-danghu' })
    expect(board.black).toEqual([
      expect.objectContaining({ tradeName: '百步超市', trade: '零售', since: localDay(new Date()), reasons: [expect.objectContaining({ text: expect.stringContaining('门前三包不落实（整改后退回）：整改中，限 ') })] }),
    ])
    // Public: the rule and where it stands, never the inspector's note.
    expect(JSON.stringify(board)).not.toContain('门口堆放纸箱')
    expect(board.leftBlack).toEqual([{ merchantId: noodles.id, tradeName: '老街面馆', trade: '餐饮', leftOn: localDay(new Date()) }])
    expect(JSON.stringify(board)).not.toMatch(/吴海林|张建国/)
  })

  it('When the committee rates this month, then each merchant’s stars come from its window’s points; rating again changes nothing, and the kept rows refuse edits', async () => {
    await ok<SubmitResult>('wx-inspector', 'score', { action: 'submit', requestId: rid(), householdIds: [noodles.id], ruleId: rules['alliance-honest'] })
    await ok<SubmitResult>('wx-inspector', 'score', { action: 'submit', requestId: rid(), householdIds: [noodles.id], ruleId: rules['alliance-hygiene'] })
    const rated = await ok<StarRatingsView>('wx-committee', 'merchant', { action: 'rateStars', requestId: rid(), allianceId, period: month })
    expect(rated.ratings.map((r) => [r.tradeName, r.points, r.stars, r.termsVersion])).toEqual([
      ['老街面馆', 5, 4, 1],
      ['百步超市', -5, 0, 1],
    ])
    await ok<SubmitResult>('wx-inspector', 'score', { action: 'submit', requestId: rid(), householdIds: [supermarketId], ruleId: rules['alliance-honest'] })
    const again = await ok<StarRatingsView>('wx-committee', 'merchant', { action: 'rateStars', requestId: rid(), allianceId, period: month })
    expect(again.ratings).toEqual(rated.ratings)
    await expect(database.db.update(starRatings).set({ stars: 5 }).where(eq(starRatings.merchantId, noodles.id))).rejects.toThrow()
    expect(await refused('wx-inspector', 'merchant', { action: 'rateStars', requestId: rid(), allianceId, period: month })).toBe('FORBIDDEN')
    const next = await call('wx-committee', 'merchant', { action: 'rateStars', requestId: rid(), allianceId, period: '2099-01' })
    expect(next).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('When anyone reads the board, then the four-star noodle shop is on the red list since today and a trade shows only its own', async () => {
    const board = await ok<BoardView>('a-customer', 'merchant', { action: 'board', orgId: allianceId })
    expect(board.red).toEqual([expect.objectContaining({ tradeName: '老街面馆', stars: 4, since: localDay(new Date()) })])
    expect(board.black.map((e) => e.tradeName)).toEqual(['百步超市'])
    const caterers = await ok<BoardView>('a-customer', 'merchant', { action: 'board', orgId: 'st-danghu', trade: '零售' })
    expect([...caterers.red, ...caterers.black].map((e) => e.tradeName)).toEqual(['百步超市'])
  })
})

describe('training with sign-in by code', () => {
  let code = ''

  it('When the committee opens a session, then its code is shown once; an inspector may not open one', async () => {
    const opened = await ok<OpenedTraining>('wx-committee', 'merchant', { action: 'openTraining', requestId: 'req-training-open-1', allianceId, title: '食品安全法规培训', hours: 3 })
    expect(opened).toMatchObject({ title: '食品安全法规培训', signedIn: 0 })
    code = opened.code
    const replay = await ok<Record<string, unknown>>('wx-committee', 'merchant', { action: 'openTraining', requestId: 'req-training-open-1', allianceId, title: '食品安全法规培训', hours: 3 })
    expect(replay).toMatchObject({ codeShownOnce: true })
    expect(replay.code).toBeUndefined()
    expect(await refused('wx-inspector', 'merchant', { action: 'openTraining', requestId: rid(), allianceId, title: '消防培训', hours: 2 })).toBe('FORBIDDEN')
  })

  it('When the noodle shop’s owner scans it twice, then 参加培训 gives its points once; a wrong code costs a try; a villager without a shop may not sign in', async () => {
    const first = await ok<SignInResult>('demo-villager', 'merchant', { action: 'signIn', requestId: rid(), code })
    expect(first).toEqual({ signedIn: true, already: false, tradeName: '老街面馆', title: '食品安全法规培训', points: 5, balance: 10 })
    const second = await ok<SignInResult>('demo-villager', 'merchant', { action: 'signIn', requestId: rid(), code: code.toLowerCase() })
    expect(second).toMatchObject({ signedIn: true, already: true, balance: 10 })
    const wrong = await ok<SignInResult>('demo-villager', 'merchant', { action: 'signIn', requestId: rid(), code: 'WRONG234' })
    expect(wrong).toMatchObject({ signedIn: false, reason: 'wrong', message: '签到码不对，请核对后再输一次' })
    expect(await refused('demo-villager-2', 'merchant', { action: 'signIn', requestId: rid(), code })).toBe('FORBIDDEN')
    const [session] = await ok<TrainingView[]>('wx-committee', 'merchant', { action: 'trainings', allianceId })
    expect(session).toMatchObject({ title: '食品安全法规培训', signedIn: 1 })
    const ledger = await ok<LedgerPage>('demo-villager', 'score', { action: 'ledger', householdId: noodles.id })
    expect(ledger.lines[0]).toMatchObject({ points: 5, note: '培训签到：食品安全法规培训', rule: { category: '参加培训' } })
  })
})

describe('the storefront sign and a customer’s concern', () => {
  let signs: PlateSheet

  it('When the committee prints its merchants’ signs, then each merchant has one, with its address and no name', async () => {
    signs = await ok<PlateSheet>('wx-committee', 'account', { action: 'printPlates', requestId: rid(), orgId: allianceId })
    expect(signs.plates.map((p) => p.houseNo).sort()).toEqual(['百步老街 12 号', '百步老街 3 号'])
    expect(JSON.stringify(signs)).not.toContain(noodles.ownerName)
    expect(signs.village).toMatchObject({ id: allianceId, kind: 'alliance' })
    expect(await refused('demo-cadre', 'account', { action: 'printPlates', requestId: rid(), orgId: allianceId })).toBe('FORBIDDEN')
  })

  it('When the signs are printed, then each is a storefront sign with the trade name, 业态, stars and standing of the day, not a door plate; a village’s plates carry none', async () => {
    const today = localDay(new Date())
    expect(signs.plates.map((p) => p.storefront).sort((a, b) => a!.tradeName.localeCompare(b!.tradeName))).toEqual(
      [
        { tradeName: '老街面馆', trade: '餐饮', stars: 4, list: 'red', asOf: today },
        { tradeName: '百步超市', trade: '零售', stars: 0, list: 'black', asOf: today },
      ].sort((a, b) => a.tradeName.localeCompare(b.tradeName)),
    )
    const replaced = await ok<DoorPlateView>('wx-committee', 'account', { action: 'reissuePlate', requestId: rid(), householdId: noodles.id })
    expect(replaced.storefront).toMatchObject({ tradeName: '老街面馆', list: 'red' })
    signs = await ok<PlateSheet>('wx-committee', 'account', { action: 'printPlates', requestId: rid(), orgId: allianceId })
    const village = await ok<PlateSheet>('demo-cadre', 'account', { action: 'printPlates', requestId: rid(), orgId: 'g-zjq-1' })
    expect(village.plates.map((p) => p.storefront)).toEqual(village.plates.map(() => null))
  })

  it('When a customer scans the noodle shop’s sign, then they see its stars, the red list since today and today’s inspection; the inspector gets 入户评分', async () => {
    const sign = signs.plates.find((p) => p.householdId === noodles.id)!
    const opened = await ok<PlateOpening>('a-customer', 'account', { action: 'openPlate', plate: sign.signed })
    expect(opened).toEqual({
      open: 'storefront',
      storefront: {
        merchantId: noodles.id, tradeName: '老街面馆', trade: '餐饮', alliance: '百步商家自治联盟', stars: 4, list: 'red', since: localDay(new Date()),
        reasons: [{ text: '星级评比 4 星，没有待整改的问题', since: localDay(new Date()) }], lastInspection: localDay(new Date()),
      },
    })
    expect(await ok<PlateOpening>('wx-inspector', 'account', { action: 'openPlate', plate: sign.signed })).toMatchObject({ open: 'inspect', orgId: allianceId })
  })

  it('When a customer scans the supermarket’s sign, then it is on the black list by the rule and where it stands, without the inspector’s note', async () => {
    const sign = signs.plates.find((p) => p.houseNo === '百步老街 3 号')!
    const opened = await ok<PlateOpening>('a-customer', 'account', { action: 'openPlate', plate: sign.signed })
    expect(opened).toMatchObject({ open: 'storefront', storefront: { tradeName: '百步超市', list: 'black', reasons: [{ text: expect.stringMatching(/^门前三包不落实（整改后退回）：整改中，限 .+ 前$/) }] } })
    expect(JSON.stringify(opened)).not.toContain('门口堆放纸箱')
  })

  it('When the customer raises a concern, then the committee reads it with the trade name; a sixth in a day is refused and nothing more is kept', async () => {
    expect(await ok('a-customer', 'merchant', { action: 'concern', requestId: rid(), merchantId: noodles.id, text: '面里吃出了头发' })).toEqual({ received: true, tradeName: '老街面馆' })
    const { concerns } = await ok<ConcernPage>('wx-committee', 'merchant', { action: 'concerns', allianceId })
    expect(concerns.map((c) => [c.tradeName, c.text])).toEqual([['老街面馆', '面里吃出了头发']])
    expect(await refused('demo-cadre', 'merchant', { action: 'concerns', allianceId })).toBe('FORBIDDEN')
    for (let i = 0; i < 4; i++) await ok('a-customer', 'merchant', { action: 'concern', requestId: rid(), merchantId: noodles.id, text: `第 ${i + 2} 次反映的问题` })
    expect(await refused('a-customer', 'merchant', { action: 'concern', requestId: rid(), merchantId: noodles.id, text: '第六次反映的问题' })).toBe('LIMIT_REACHED')
    expect((await ok<ConcernPage>('wx-committee', 'merchant', { action: 'concerns', allianceId })).concerns).toHaveLength(5)
  })
})

describe('the year: commendation and rewards', () => {
  const year = Number(periodsOf(new Date()).year)

  it('When the committee reads the year, then the shop rated four stars all year is commended with its band’s reward and the other is not, with why', async () => {
    const view = await ok<YearView>('wx-committee', 'merchant', { action: 'year', allianceId, year })
    expect(view).toMatchObject({ commended: 1, totalRewardFen: 100_000 })
    expect(view.entries.map((e) => [e.tradeName, e.commended, e.rewardFen, e.why])).toEqual([
      ['老街面馆', true, 100_000, '全年 1 次评比都在 4 星以上'],
      ['百步超市', false, 0, `${periodsOf(new Date()).month} 评为 0 星，不到 4 星`],
    ])
    expect(await refused('demo-cadre', 'merchant', { action: 'year', allianceId, year })).toBe('FORBIDDEN')
  })

  it('When it is exported, then the .xlsx holds the same list in yuan', async () => {
    const file = await ok<YearExport>('wx-inspector', 'merchant', { action: 'exportYear', allianceId, year })
    expect(file.fileName).toBe(`百步商家自治联盟-${year}年度表彰.xlsx`)
    const workbook = new Workbook()
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('年度表彰')!
    expect(sheet.getCell(2, 1).value).toBe('表彰 1 家，奖励合计 1,000.00 元')
    expect((sheet.getRow(4).values as unknown[]).slice(1, 8)).toEqual([1, '老街面馆', '餐饮', 1, '★★★★☆', '表彰', '1,000.00'])
  })
})

describe('the public 表彰榜', () => {
  const year = Number(periodsOf(new Date()).year)

  it('When a customer opens the alliance’s 表彰榜, then the commended shop shows with its stars and reward and nobody’s name; only the committee is offered the .xlsx', async () => {
    const board = await ok<CommendationsView>('a-customer', 'merchant', { action: 'commendations', orgId: allianceId, year })
    expect(board.alliances).toEqual([
      {
        alliance: { id: allianceId, name: '百步商家自治联盟', kind: 'alliance' },
        commended: [{ merchantId: noodles.id, tradeName: '老街面馆', trade: '餐饮', stars: 4, rewardFen: 100_000 }],
        totalRewardFen: 100_000,
        mayExport: false,
      },
    ])
    expect(JSON.stringify(board)).not.toContain(noodles.ownerName)
    const committee = await ok<CommendationsView>('wx-committee', 'merchant', { action: 'commendations', orgId: allianceId, year })
    expect(committee.alliances[0].mayExport).toBe(true)
  })

  it('When the street’s 表彰榜 is opened, then each alliance is listed apart, and the committee may export its own only', async () => {
    const street = await ok<CommendationsView>('wx-committee', 'merchant', { action: 'commendations', orgId: 'st-danghu', year })
    expect(street.alliances.map((a) => [a.alliance.name, a.commended.map((c) => c.tradeName), a.mayExport]).sort()).toEqual(
      [['百步商家自治联盟', ['老街面馆'], true], ['当湖商家自治联盟', [], false]].sort(),
    )
  })

  it('When the year or the place is wrong, then it is refused in plain words', async () => {
    expect(await call('a-customer', 'merchant', { action: 'commendations', orgId: allianceId, year: 1999 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('请选择年份') } })
    expect(await call('a-customer', 'merchant', { action: 'commendations', orgId: 'v-zjq', year })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这个街道或商家联盟' } })
  })
})

describe('the street’s view', () => {
  it('When the admin opens 街道总览 for this month, then each alliance has its own numbers beside the villages, and no village counts a merchant', async () => {
    const overview = await ok<StreetOverview>('demo-admin', 'street', { action: 'overview', orgId: 'st-danghu', period: periodsOf(new Date()).month })
    expect(overview.alliances.find((a) => a.org.id === allianceId)).toEqual({
      org: { id: allianceId, name: '百步商家自治联盟', kind: 'alliance' }, merchants: 2, boundOwners: 1, red: 1, black: 1, given: 13, deducted: 15,
    })
    expect(overview.alliances.find((a) => a.org.id === 'al-danghu')).toMatchObject({ merchants: 3, boundOwners: 1, red: 0, black: 0 })
    expect(Object.fromEntries(overview.rows.map((r) => [r.org.name, r.households]))).toEqual({ 赵家桥村: 32, 通界村: 8, 东湖社区: 4 })
  })

  it('When the admin exports 街道总览, then the .xlsx has a sheet of the alliances with the screen’s numbers, and the villages’ sheet holds no alliance', async () => {
    const period = periodsOf(new Date()).month
    const file = await ok<StreetExport>('demo-admin', 'street', { action: 'exportOverview', orgId: 'st-danghu', period })
    const workbook = new Workbook()
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('商家联盟')!
    expect(sheet.getCell(1, 1).value).toContain('商家的积分单独计算，不算进各村的数字')
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['联盟', '商家数', '已绑定店主', '红榜（家）', '黑榜（家）', '加分', '扣分'])
    const byName = Object.fromEntries(sheet.getSheetValues().slice(3).map((r) => [(r as unknown[])[1], (r as unknown[]).slice(2)]))
    expect(byName['百步商家自治联盟']).toEqual([2, 1, 1, 1, 13, 15])
    const overview = await ok<StreetOverview>('demo-admin', 'street', { action: 'overview', orgId: 'st-danghu', period })
    expect(Object.keys(byName).sort()).toEqual(overview.alliances.map((a) => a.org.name).sort())
    const demo = overview.alliances.find((a) => a.org.id === 'al-danghu')!
    expect(byName[demo.org.name]).toEqual([3, 1, demo.red, demo.black, demo.given, demo.deducted])
    const table = workbook.getWorksheet('总览')!
    const names = table.getSheetValues().slice(3).map((r) => (r as unknown[])[1])
    expect(names).toEqual(overview.rows.map((r) => r.org.name))
    expect([...names].sort()).toEqual(['东湖社区', '赵家桥村', '通界村'].sort())
  })
})

describe('ranking an alliance’s merchants', () => {
  it('When the committee and the owner read the month’s ranking, then the merchants rank by points under their trade names, the owner’s shop is his; a village’s cadre may not read it, and no village ranks a merchant', async () => {
    const month = periodsOf(new Date()).month
    const list = await ok<MerchantList>('wx-committee', 'merchant', { action: 'list', allianceId })
    const byPoints = [...list.merchants].sort((a, b) => b.balance - a.balance).map((m) => [m.tradeName, m.balance])
    const ranking = await ok<Ranking>('wx-committee', 'score', { action: 'ranking', orgId: allianceId, period: month })
    expect(ranking.households).toBe(2)
    expect(ranking.top.map((r) => [r.maskedName, r.points])).toEqual(byPoints)
    expect(ranking.top.map((r) => r.rank)).toEqual([1, 2])
    const owners = await ok<Ranking>('demo-villager', 'score', { action: 'ranking', orgId: allianceId, period: month })
    expect(owners.mine).toMatchObject({ householdId: noodles.id, maskedName: '老街面馆', mine: true })
    const year = await ok<Ranking>('wx-committee', 'score', { action: 'ranking', orgId: allianceId, period: periodsOf(new Date()).year })
    expect(year.top.map((r) => [r.maskedName, r.points])).toEqual(byPoints)
    expect(await refused('demo-cadre', 'score', { action: 'ranking', orgId: allianceId, period: month })).toBe('FORBIDDEN')
    const village = await ok<Ranking>('demo-villager', 'score', { action: 'ranking', orgId: 'v-zjq', period: month, full: false })
    expect([...village.top, ...village.bottom].map((r) => r.householdId)).not.toContain(noodles.id)
    expect(village.mine).toMatchObject({ householdId: 'h-zjq-01' })
  })
})

describe('the owner ends his own binding to the shop', () => {
  it('When 张建国 taps 解除店铺绑定 on 我的, then he is no longer the shop’s owner, his household stays, and the shop keeps its points', async () => {
    const before = await ok<MerchantList>('wx-committee', 'merchant', { action: 'list', allianceId })
    const requestId = rid()
    const left = await ok<LeftMerchant>('demo-villager', 'account', { action: 'leaveMerchant', requestId })
    expect(left).toMatchObject({ tradeName: '老街面馆' })
    expect(await ok<LeftMerchant>('demo-villager', 'account', { action: 'leaveMerchant', requestId })).toEqual(left)
    const me = await ok<WhoAmI>('demo-villager', 'account', { action: 'whoami' })
    expect(me).toMatchObject({ household: { id: 'h-zjq-01' }, merchant: null })
    expect(me.registered && me.roles.map((r) => r.role)).toEqual(['villager'])
    expect(await refused('demo-villager', 'score', { action: 'ledger', householdId: noodles.id })).toBe('FORBIDDEN')
    expect(await ok<MerchantList>('wx-committee', 'merchant', { action: 'list', allianceId })).toEqual(before)
    expect(await call('demo-villager', 'account', { action: 'leaveMerchant', requestId: rid() })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '您的微信现在没有绑定哪家店，不用解除' },
    })
  })
})

describe('staff never score the shop they own (the demo alliance, 当湖商家联盟)', () => {
  const demoAlliance = 'al-danghu'
  const OWN_SHOP = { ok: false, error: { code: 'FORBIDDEN', message: '不能给自己的店评分/审核，请让其他人处理' } }
  let demoRules: Record<string, number> = {}
  const balanceOf = async (id: string) => (await database.db.select({ balance: households.balance }).from(households).where(eq(households.id, id)))[0].balance

  beforeAll(async () => {
    const set = await ok<RuleSetView>('demo-alliance', 'score', { action: 'rules', orgId: demoAlliance })
    demoRules = Object.fromEntries(set.rules.map((r) => [r.code, r.id]))
    const invite = await ok<IssuedInvite>('demo-admin', 'account', { action: 'issueInvite', requestId: rid(), householdId: 'm-danghu-02' })
    await ok<BindResult>('demo-alliance', 'account', { action: 'bind', requestId: rid(), code: invite.code, displayName: '沈玉梅' })
  })

  it('When a committee member who owns 东湖超市 scores it, checks its proof, extends or reverses its deduction or decides her own appeal, then each is refused and its points stay', async () => {
    expect(await call('demo-alliance', 'score', { action: 'submit', requestId: rid(), householdIds: ['m-danghu-02'], ruleId: demoRules['alliance-honest'] })).toMatchObject(OWN_SHOP)
    const deduction = await ok<SubmitResult>('demo-inspector', 'score', { action: 'submit', requestId: rid(), householdIds: ['m-danghu-02'], ruleId: demoRules['alliance-fire'], photos: [PHOTO], note: '灭火器过期' })
    const { entryId, balance } = deduction.results[0]
    const [notice] = await database.db.select().from(notices).where(eq(notices.householdId, 'm-danghu-02'))
    await ok<NoticeView>('demo-alliance', 'notice', { action: 'submitProof', requestId: rid(), noticeId: notice.id, photos: [PHOTO], note: '已换新的' })
    expect(await call('demo-alliance', 'notice', { action: 'verify', requestId: rid(), noticeId: notice.id, accept: true })).toMatchObject(OWN_SHOP)
    expect(await call('demo-alliance', 'notice', { action: 'extend', requestId: rid(), noticeId: notice.id, days: 30 })).toMatchObject(OWN_SHOP)
    expect(await call('demo-alliance', 'score', { action: 'reverse', requestId: rid(), entryId, reason: '误扣了，撤销' })).toMatchObject(OWN_SHOP)
    const appeal = await ok<{ id: number }>('demo-alliance', 'score', { action: 'appeal', requestId: rid(), entryId, reason: '灭火器没有过期' })
    expect(await call('demo-alliance', 'score', { action: 'decideAppeal', requestId: rid(), appealId: appeal.id, overturn: true })).toMatchObject(OWN_SHOP)
    expect(await balanceOf('m-danghu-02')).toBe(balance)
  })

  it('When the inspector who owns 湖畔民宿 scores it, then it is refused and nothing is written', async () => {
    const invite = await ok<IssuedInvite>('demo-alliance', 'account', { action: 'issueInvite', requestId: rid(), householdId: 'm-danghu-03' })
    await ok<BindResult>('demo-inspector', 'account', { action: 'bind', requestId: rid(), code: invite.code, displayName: '陆明' })
    const before = await balanceOf('m-danghu-03')
    expect(await call('demo-inspector', 'score', { action: 'submit', requestId: rid(), householdIds: ['m-danghu-03'], ruleId: demoRules['alliance-honest'] })).toMatchObject(OWN_SHOP)
    expect(await balanceOf('m-danghu-03')).toBe(before)
  })

  it('When the committee member signs her own shop in to a training she opened, then it is refused and gives nothing; another shop’s owner signs in', async () => {
    const opened = await ok<OpenedTraining>('demo-alliance', 'merchant', { action: 'openTraining', requestId: rid(), allianceId: demoAlliance, title: '消防安全培训', hours: 2 })
    const before = await balanceOf('m-danghu-02')
    const own = await call('demo-alliance', 'merchant', { action: 'signIn', requestId: rid(), code: opened.code })
    expect(own).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '这场培训是这家店的店主开的，不能给自己的店签到记分，请让其他委员开培训' } })
    expect(await balanceOf('m-danghu-02')).toBe(before)
    expect(await ok<SignInResult>('demo-merchant', 'merchant', { action: 'signIn', requestId: rid(), code: opened.code })).toMatchObject({ signedIn: true, already: false, tradeName: '老街面馆' })
    const [session] = await ok<TrainingView[]>('demo-alliance', 'merchant', { action: 'trainings', allianceId: demoAlliance })
    expect(session).toMatchObject({ title: '消防安全培训', signedIn: 1 })
  })
})

describe('参加培训 points come from sign-in only, within the rule’s limits (the demo alliance)', () => {
  const demoAlliance = 'al-danghu'
  const balanceOf = async (id: string) => (await database.db.select({ balance: households.balance }).from(households).where(eq(households.id, id)))[0].balance

  it('When the committee limits 参加培训 to twice a month, then the noodle shop (signed in once already) gets a second session’s points and not a third’s', async () => {
    const set = await ok<RuleSetView>('demo-alliance', 'score', { action: 'rules', orgId: demoAlliance })
    const edited = set.rules.map(({ id: _id, ...rule }) => (rule.code === 'alliance-training' ? { ...rule, monthlyLimit: 2 } : rule))
    await ok<RuleSetView>('demo-alliance', 'score', { action: 'publishRules', requestId: rid(), ruleSetId: set.id, rules: edited })
    const second = await ok<OpenedTraining>('demo-alliance', 'merchant', { action: 'openTraining', requestId: rid(), allianceId: demoAlliance, title: '垃圾分类培训', hours: 2 })
    const third = await ok<OpenedTraining>('demo-alliance', 'merchant', { action: 'openTraining', requestId: rid(), allianceId: demoAlliance, title: '诚信经营培训', hours: 2 })
    const before = await balanceOf('m-danghu-01')
    expect(await ok<SignInResult>('demo-merchant', 'merchant', { action: 'signIn', requestId: rid(), code: second.code })).toMatchObject({ signedIn: true, already: false, balance: before + 5 })
    expect(await call('demo-merchant', 'merchant', { action: 'signIn', requestId: rid(), code: third.code })).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_REACHED', message: '老街面馆“参加联盟培训（扫码签到）”本月已满 2 次，这次签到不再记分' },
    })
    expect(await balanceOf('m-danghu-01')).toBe(before + 5)
    const sessions = await ok<TrainingView[]>('demo-alliance', 'merchant', { action: 'trainings', allianceId: demoAlliance })
    expect(sessions.find((s) => s.title === '诚信经营培训')).toMatchObject({ signedIn: 0 })
  })

  it('When the inspector gives 参加培训 by hand, or its owner claims it (even made claimable), then both are refused and the shop’s points stay', async () => {
    const set = await ok<RuleSetView>('demo-alliance', 'score', { action: 'rules', orgId: demoAlliance })
    const claimable = set.rules.map(({ id: _id, ...rule }) => (rule.code === 'alliance-training' ? { ...rule, claimable: true } : rule))
    const published = await ok<RuleSetView>('demo-alliance', 'score', { action: 'publishRules', requestId: rid(), ruleSetId: set.id, rules: claimable })
    const training = published.rules.find((r) => r.code === 'alliance-training')!
    const before = await balanceOf('m-danghu-01')
    expect(await call('demo-inspector', 'score', { action: 'submit', requestId: rid(), householdIds: ['m-danghu-01'], ruleId: training.id })).toMatchObject({
      ok: false,
      error: { code: 'RULE_NOT_APPLICABLE', message: '参加培训的积分由培训签到自动记，不能手工评分' },
    })
    // An owner claims nothing (claims are a household's); a villager, not this one either.
    expect(await refused('demo-merchant', 'score', { action: 'claim', requestId: rid(), ruleId: training.id, photos: [PHOTO] })).toBe('FORBIDDEN')
    expect(await call('demo-villager', 'score', { action: 'claim', requestId: rid(), ruleId: training.id, photos: [PHOTO] })).toMatchObject({
      ok: false,
      error: { code: 'RULE_NOT_APPLICABLE', message: '参加培训的积分由培训签到自动记，不能申报' },
    })
    expect(await balanceOf('m-danghu-01')).toBe(before)
  })
})

describe('a customer’s concern cannot be buried (the demo alliance)', () => {
  const demoAlliance = 'al-danghu'
  const raise = (openid: string, merchantId: string, text: string) => call(openid, 'merchant', { action: 'concern', requestId: rid(), merchantId, text })

  it('When a crowd floods 湖畔民宿’s box, then it takes 20 a day and no more, and nothing refused is kept', async () => {
    expect(await raise('customer-real', 'm-danghu-03', '房间里有老鼠，卫生很差')).toMatchObject({ ok: true })
    for (let n = 0; n < 19; n++) expect(await raise(`crowd-${Math.floor(n / 5)}`, 'm-danghu-03', `第 ${n + 1} 条：服务不好`)).toMatchObject({ ok: true })
    expect(await raise('crowd-3', 'm-danghu-03', '第 20 条：服务不好')).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_REACHED', message: '这家店今天已经收到 20 条反映，联盟会逐条处理，请明天再来' },
    })
    // The refused one was not kept: crowd-3 (four kept) may still raise one about another shop.
    expect(await raise('crowd-3', 'm-danghu-01', '汤是凉的，请改进')).toMatchObject({ ok: true })
  })

  it('When the box holds more than a page, then the committee reads the oldest concern on the next page', async () => {
    for (let n = 0; n < 35; n++) expect(await raise(`crowd-${4 + Math.floor(n / 5)}`, n < 20 ? 'm-danghu-02' : 'm-danghu-01', `第 ${n + 1} 条：价格不清楚`)).toMatchObject({ ok: true })
    const first = await ok<ConcernPage>('demo-alliance', 'merchant', { action: 'concerns', allianceId: demoAlliance })
    expect(first.concerns).toHaveLength(50)
    expect(first.concerns.some((c) => c.text.includes('老鼠'))).toBe(false)
    const next = await ok<ConcernPage>('demo-alliance', 'merchant', { action: 'concerns', allianceId: demoAlliance, beforeId: first.nextBeforeId })
    expect(next).toMatchObject({ nextBeforeId: null })
    expect(next.concerns).toHaveLength(6)
    expect(next.concerns[next.concerns.length - 1]).toMatchObject({ tradeName: '湖畔民宿', text: '房间里有老鼠，卫生很差' })
    expect(await refused('demo-alliance', 'merchant', { action: 'concerns', allianceId: demoAlliance, beforeId: -1 })).toBe('INVALID_INPUT')
  })

  it('When a concern carries control, invisible or direction-changing characters or markup, then it is refused in words and not kept; one of two lines is kept', async () => {
    const before = (await database.db.select().from(merchantConcerns)).length
    for (const text of ['\u202e<img src=x onerror=alert(1)>', '汤里有异物\u0007\u0007', '汤里有\u200b异物吧', '汤里<b>有异物</b>']) {
      expect(await raise('odd-customer', 'm-danghu-01', text)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '反映的问题里有不能用的符号' } })
    }
    expect(await raise('odd-customer', 'm-danghu-01', '太差了')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请把问题写清楚，至少 4 个字' } })
    expect((await database.db.select().from(merchantConcerns)).length).toBe(before)
    expect(await raise('odd-customer', 'm-danghu-01', '汤是凉的\n服务员也不理人')).toMatchObject({ ok: true })
    const { concerns } = await ok<ConcernPage>('demo-alliance', 'merchant', { action: 'concerns', allianceId: demoAlliance })
    expect(concerns[0]).toMatchObject({ tradeName: '老街面馆', text: '汤是凉的\n服务员也不理人' })
  })
})

describe('the alliance’s roster and its sessions (the demo alliance)', () => {
  it('When the committee gives a merchant shares, then it is refused in words and the shop is as it was; without shares the edit is kept', async () => {
    const [before] = await database.db.select().from(households).where(eq(households.id, 'm-danghu-01'))
    const edit = { requestId: rid(), householdId: 'm-danghu-01', headName: '吴海峰', houseNo: before.houseNo, groupId: null, microGridId: null, memberNames: [] }
    expect(await call('demo-alliance', 'account', { action: 'updateHousehold', ...edit, shares: 5 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '商家不持有股份，股数只能填 0' },
    })
    const [after] = await database.db.select().from(households).where(eq(households.id, 'm-danghu-01'))
    expect(after).toEqual(before)
    expect(await ok('demo-alliance', 'account', { action: 'updateHousehold', ...edit, requestId: rid(), shares: 0 })).toMatchObject({ household: { name: '吴海峰', shares: 0 } })
  })

  it('When a committee member opens a training and her role is then revoked, then signing in to it gives nothing; a session of a member in office still does', async () => {
    await staffFor('alliance_committee', 'al-danghu', 'demo-admin', 'wx-committee-leaving', '周丽')
    const leaving = await ok<OpenedTraining>('wx-committee-leaving', 'merchant', { action: 'openTraining', requestId: rid(), allianceId: 'al-danghu', title: '门前三包培训', hours: 2 })
    const { people } = await ok<StaffList>('demo-admin', 'org', { action: 'staff', orgId: 'al-danghu' })
    const grant = people.find((p) => p.displayName === '周丽')!
    await ok('demo-admin', 'org', { action: 'revokeRole', requestId: rid(), grantId: grant.grantId })
    const [before] = await database.db.select().from(households).where(eq(households.id, 'm-danghu-03'))
    expect(await call('demo-inspector', 'merchant', { action: 'signIn', requestId: rid(), code: leaving.code })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '开这场培训的委员已经不在联盟任职，这场培训的签到不再记分，请联系联盟委员会' },
    })
    const [after] = await database.db.select().from(households).where(eq(households.id, 'm-danghu-03'))
    expect(after.balance).toBe(before.balance)
    const staying = await ok<OpenedTraining>('demo-alliance', 'merchant', { action: 'openTraining', requestId: rid(), allianceId: 'al-danghu', title: '食品留样培训', hours: 2 })
    expect(await ok<SignInResult>('demo-inspector', 'merchant', { action: 'signIn', requestId: rid(), code: staying.code })).toMatchObject({ signedIn: true, tradeName: '湖畔民宿', balance: before.balance + 5 })
  })
})
