import type { Page } from 'playwright-core'
import type { BindResult, IssuedInvite, MerchantView, PlateSheet } from '../../src/core/contracts/account'
import type { BoardView, OpenedTraining, SignInResult, StarRatingsView, StarTermsView } from '../../src/core/contracts/merchant'
import type { NoticeView } from '../../src/core/contracts/notice'
import type { IssuedStaffInvite, UnitView } from '../../src/core/contracts/org'
import type { RuleSetView, SubmitResult } from '../../src/core/contracts/score'
import { localDay, periodsOf } from '../../src/core/period'
import { plateLink } from '../../src/core/plates/plate-code'
import { callAs, dataOf } from './support/api'
import { openPhonePage, saveScreenshot } from './support/browser'
import { describeInBrowser, startJourney } from './support/journey'
import { becomeDemoUser, settled, visibleText } from './support/ui'

jest.setTimeout(240_000)

const PHOTO = 'local://0b7f3c1e-9a55-4c55-9d0e-3a1f6a7b8c9d.jpg'
const CUSTOMER = '村民 李秀英（赵家桥村1组）'

/**
 * Journey (issue 28, 商家自治联盟) through the gateway the H5 app uses: the street's admin creates 百步商家自治联盟
 * and invites a committee member; she adds 老街面馆 and its owner binds with the code; he signs in to a
 * training session; an inspector deducts 食品安全 with a photo and the shop is on the black list with the
 * reason; the owner shows proof, the inspector verifies, the points come back once and the shop is off the
 * black list; the month's stars are computed. Then a customer's phone opens the shop's storefront sign
 * and sees its stars and the red list.
 */
describeInBrowser('merchants: alliance, training, inspection, rectification, stars and the storefront sign (H5 demo mode)', () => {
  const journey = startJourney()
  const ok = async <T>(openid: string, fn: string, body: Record<string, unknown>) => dataOf(await callAs<T>(journey.gateway.baseUrl, openid, fn, body))
  let seq = 0
  const rid = () => `e2e-merchants-${++seq}`
  let allianceId = ''
  let shop: MerchantView
  let customer: Page

  it('When the journey runs through the gateway, then the shop ends on the red list with its points back once', async () => {
    allianceId = (await ok<UnitView>('demo-admin', 'org', { action: 'addUnit', requestId: rid(), parentId: 'st-danghu', kind: 'alliance', name: '百步商家自治联盟' })).id
    for (const [role, openid, by] of [['alliance_committee', 'e2e-committee', 'demo-admin'], ['dept_inspector', 'e2e-inspector', 'e2e-committee']] as const) {
      const invite = await ok<IssuedStaffInvite>(by, 'org', { action: 'issueStaffInvite', requestId: rid(), role, orgId: allianceId })
      await ok(openid, 'org', { action: 'bindStaff', requestId: rid(), code: invite.code, displayName: role === 'dept_inspector' ? '陆明' : '沈玉梅' })
    }
    shop = await ok<MerchantView>('e2e-committee', 'merchant', { action: 'add', requestId: rid(), allianceId, tradeName: '老街面馆', trade: '餐饮', ownerName: '吴海林', address: '百步老街 12 号' })
    const code = (await ok<IssuedInvite>('e2e-committee', 'account', { action: 'issueInvite', requestId: rid(), householdId: shop.id })).code
    expect(await ok<BindResult>('e2e-owner', 'account', { action: 'bind', requestId: rid(), code, displayName: '吴海林' })).toMatchObject({ bound: true })

    const training = await ok<OpenedTraining>('e2e-committee', 'merchant', { action: 'openTraining', requestId: rid(), allianceId, title: '食品安全法规培训', hours: 3 })
    expect(await ok<SignInResult>('e2e-owner', 'merchant', { action: 'signIn', requestId: rid(), code: training.code })).toMatchObject({ signedIn: true, already: false, points: 5, balance: 5 })

    const rules = await ok<RuleSetView>('e2e-inspector', 'score', { action: 'rules', orgId: allianceId })
    const ruleId = (code: string) => rules.rules.find((r) => r.code === code)!.id
    await ok<StarTermsView>('e2e-committee', 'merchant', {
      action: 'publishStarTerms', requestId: rid(), allianceId, effectiveFrom: localDay(new Date()), windowMonths: 3,
      bands: [{ minPoints: 0, stars: 3 }, { minPoints: 5, stars: 4 }], redMinStars: 4, blackLine: -20,
    })
    await ok<SubmitResult>('e2e-inspector', 'score', { action: 'submit', requestId: rid(), householdIds: [shop.id], ruleId: ruleId('alliance-food-safety'), note: '后厨生熟未分开', photos: [PHOTO] })
    const black = await ok<BoardView>('demo-villager-2', 'merchant', { action: 'board', orgId: allianceId })
    expect(black.black).toEqual([expect.objectContaining({ tradeName: '老街面馆', since: localDay(new Date()) })])
    expect(black.black[0].reasons[0].text).toContain('食品安全检查不合格（整改后退回）：后厨生熟未分开（整改中')

    const [notice] = await ok<NoticeView[]>('e2e-owner', 'notice', { action: 'mine' })
    await ok('e2e-owner', 'notice', { action: 'submitProof', requestId: rid(), noticeId: notice.id, photos: [PHOTO], note: '已分区存放' })
    await ok('e2e-inspector', 'notice', { action: 'verify', requestId: rid(), noticeId: notice.id, accept: true })
    const again = await callAs(journey.gateway.baseUrl, 'e2e-inspector', 'notice', { action: 'verify', requestId: rid(), noticeId: notice.id, accept: true })
    expect(again).toMatchObject({ ok: false, error: { code: 'NOTICE_STATE' } })

    const rated = await ok<StarRatingsView>('e2e-committee', 'merchant', { action: 'rateStars', requestId: rid(), allianceId, period: periodsOf(new Date()).month })
    expect(rated.ratings).toEqual([expect.objectContaining({ tradeName: '老街面馆', points: 5, stars: 4 })])
    const board = await ok<BoardView>('demo-villager-2', 'merchant', { action: 'board', orgId: allianceId })
    // Off the black list by itself once verified, and red from then.
    expect([board.red.map((e) => [e.tradeName, e.since]), board.black]).toEqual([[['老街面馆', localDay(new Date())]], []])
  })

  it('When a customer’s phone opens the storefront sign, then it shows the trade name, four stars, the red list and today’s inspection, and no name', async () => {
    const sheet = await ok<PlateSheet>('e2e-committee', 'account', { action: 'printPlates', requestId: rid(), orgId: allianceId })
    const link = plateLink(`${journey.gateway.baseUrl}/#/pages/plate/index`, sheet.plates[0].signed)
    customer = await openPhonePage(journey.browser)
    await becomeDemoUser(customer, journey.gateway.baseUrl, CUSTOMER)
    await customer.goto('about:blank')
    await customer.goto(link)
    await visibleText(customer, '老街面馆').waitFor()
    const text = await customer.locator('.plate-page').filter({ visible: true }).innerText()
    expect(text).toContain('★★★★☆ 4 星')
    expect(text).toContain(`红榜（${localDay(new Date())} 起）`)
    expect(text).toContain(`最近一次检查：${localDay(new Date())}`)
    expect(text).not.toContain('吴海林')
    await saveScreenshot(await settled(customer), 'merchants-01-storefront')
  })
})
