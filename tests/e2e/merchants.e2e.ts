import type { Locator, Page } from 'playwright-core'
import type { PlateSheet, WhoAmI } from '../../src/core/contracts/account'
import type { StarTermsPage } from '../../src/core/contracts/merchant'
import type { NoticeView } from '../../src/core/contracts/notice'
import type { LedgerPage } from '../../src/core/contracts/score'
import { localDay } from '../../src/core/period'
import { plateLink } from '../../src/core/plates/plate-code'
import { callAs, dataOf } from './support/api'
import { saveScreenshot } from './support/browser'
import { eventually } from './support/eventually'
import { describeInBrowser, startJourney } from './support/journey'
import { drawJpeg, pickPhoto } from './support/photos'
import { becomeDemoUser, becomeUser, issueStaffCode, joinAsStaff, settled, visibleText, workButton } from './support/ui'

jest.setTimeout(240_000)

const ALLIANCE = '百步商家自治联盟'
const SHOP = '老街面馆'
const FOOD_SAFETY = '食品安全检查不合格（整改后退回）'
const COMMITTEE = 'e2e-committee'
const INSPECTOR = 'e2e-inspector'
const OWNER = 'e2e-owner'
const CUSTOMER = '村民 李秀英（赵家桥村1组）'

/**
 * Done-when journey of issue 28 (商家自治联盟), each step tapped by its person on their own phone page:
 * the street's admin 金伟 creates 百步商家自治联盟 in 组织架构 and gives 沈玉梅 a 联盟委员 code in 工作人员; she
 * binds (我是工作人员), gives 陆明 a 部门检查员 code, adds 老街面馆 on 商家联盟 and issues its owner's code;
 * 吴海林 binds (绑定我家); she opens a training session and he signs in with its code (培训签到); 陆明 deducts
 * 食品安全 with a photo (入户评分) and the 红黑榜 shows the shop on the black list with the reason; 吴海林 sends
 * proof (整改通报 → 去整改), 陆明 passes it (整改核验), the points come back once and the shop leaves the
 * black list; 沈玉梅 publishes the alliance's 评星标准 (商家联盟 → 评星标准; a band that starts no higher than the
 * one before is refused in plain words and publishes nothing) and rates the month's stars (商家联盟 → 评本月星级); a customer opens the
 * storefront sign.
 *
 * Setup through the gateway, not part of the journey: the printed storefront sign (印门牌 serves villages
 * only), whose link stands for the QR a customer's camera reads. The ledger is read through the API to check
 * the figures the pages show: the balance after 通过 equals the one before the deduction, with exactly
 * one 整改后返还 entry.
 */
describeInBrowser('merchants: alliance, training, inspection, rectification, stars and the storefront sign, tapped (H5 demo mode)', () => {
  const journey = startJourney()
  const page = () => journey.page
  const base = () => journey.gateway.baseUrl
  const ok = async <T>(openid: string, fn: string, body: Record<string, unknown>) => dataOf(await callAs<T>(base(), openid, fn, body))
  const card = (container: string, text: string): Locator => page().locator(container).filter({ visible: true }).filter({ hasText: text }).first()
  let allianceId = ''
  let shopId = ''
  let balanceBeforeDeduction = 0

  /** 首页 → a work button of the role card, as `openid`. */
  async function openWork(openid: string, label: string) {
    await becomeUser(page(), base(), openid)
    await workButton(page(), label).click()
  }

  it('the street’s admin creates the alliance in 组织架构 and gives a 联盟委员 code; she binds and gives an inspector’s code', async () => {
    await becomeDemoUser(page(), base(), '街道管理员 金伟（当湖街道）')
    await visibleText(page(), '组织架构').click()
    await page().locator('.choice-chip').filter({ hasText: /^商家联盟$/, visible: true }).click()
    await page().locator('.staff__unit-name input').filter({ visible: true }).fill(ALLIANCE)
    await visibleText(page(), '保存').click()
    await visibleText(page(), `已新增：${ALLIANCE}`).waitFor()
    await visibleText(page(), `${ALLIANCE} · 商家联盟 · 0 家`).waitFor()
    await saveScreenshot(await settled(page()), 'merchants-01-alliance-added')
    await page().goBack()
    const committeeCode = await issueStaffCode(page(), '联盟委员', `${ALLIANCE}（商家联盟）`)
    await saveScreenshot(await settled(page()), 'merchants-02-committee-code')

    await becomeUser(page(), base(), COMMITTEE)
    await joinAsStaff(page(), '沈玉梅', committeeCode)
    await visibleText(page(), '回首页开始工作').click()
    await visibleText(page(), `联盟委员 · ${ALLIANCE}`).waitFor()
    const inspectorCode = await issueStaffCode(page(), '部门检查员', `${ALLIANCE}（商家联盟）`)
    await becomeUser(page(), base(), INSPECTOR)
    await joinAsStaff(page(), '陆明', inspectorCode)
    await visibleText(page(), '回首页开始工作').click()
    await visibleText(page(), `部门检查员 · ${ALLIANCE}`).waitFor()
    allianceId = dataOf(await callAs<Extract<WhoAmI, { registered: true }>>(base(), INSPECTOR, 'account', { action: 'whoami' })).roles[0].org.id
  })

  let ownerCode = ''
  it('the committee member adds 老街面馆 on 商家联盟 and issues its owner’s code; the owner binds with it', async () => {
    await openWork(COMMITTEE, '商家联盟')
    await visibleText(page(), '还没有商家，请在下面添加').waitFor()
    const form = card('.card', '添加商家').locator('input')
    await form.nth(0).fill(SHOP)
    await form.nth(1).fill('吴海林')
    await form.nth(2).fill('百步老街 12 号')
    await visibleText(page(), '添加').click()
    await visibleText(page(), SHOP).waitFor()
    await visibleText(page(), '餐饮 · 百步老街 12 号 · 店主 吴海林 · 0 分').waitFor()
    await visibleText(page(), `发${SHOP}店主的邀请码`).click()
    ownerCode = await page().locator('.merchant__code').filter({ visible: true }).innerText()
    expect(ownerCode).toMatch(/^[2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4}$/)
    await saveScreenshot(await settled(page()), 'merchants-03-owner-code')

    await becomeUser(page(), base(), OWNER)
    await visibleText(page(), '您还没有登记').waitFor()
    await visibleText(page(), '绑定我家').click()
    await page().locator('.bind__input input').filter({ visible: true }).first().fill('吴海林')
    await page().locator('.bind__code-input input').filter({ visible: true }).fill(ownerCode)
    await visibleText(page(), '绑定').click()
    await visibleText(page(), '绑定成功').waitFor()
    await visibleText(page(), `您已绑定 ${ALLIANCE} ${SHOP}（店址 百步老街 12 号），是这家店的店主。`).waitFor()
    await saveScreenshot(await settled(page()), 'merchants-04-owner-bound')
    shopId = dataOf(await callAs<Extract<WhoAmI, { registered: true }>>(base(), OWNER, 'account', { action: 'whoami' })).merchant!.id
  })

  it('the committee opens a training session; the owner signs in with the code shown and gets 参加培训 points once', async () => {
    await openWork(COMMITTEE, '商家联盟')
    const training = card('.card', '开培训签到')
    await training.locator('input').fill('食品安全法规培训')
    await training.getByText('开始签到（3 小时内有效）', { exact: true }).click()
    const code = await training.locator('.merchant__code').innerText()
    await saveScreenshot(await settled(page()), 'merchants-05-training-code')

    await openWork(OWNER, '培训签到')
    await page().locator('.merchant__input input').filter({ visible: true }).fill(code)
    await visibleText(page(), '签到').click()
    await visibleText(page(), `签到成功：食品安全法规培训，${SHOP}加 5 分，现有 5 分。`).waitFor()
    await visibleText(page(), '签到').click()
    await visibleText(page(), `${SHOP}已经签过到了，积分只加一次。`).waitFor()
    await saveScreenshot(await settled(page()), 'merchants-06-signed-in')
    balanceBeforeDeduction = dataOf(await callAs<LedgerPage>(base(), OWNER, 'score', { action: 'ledger', householdId: shopId })).balance
    expect(balanceBeforeDeduction).toBe(5)
  })

  it('the inspector deducts 食品安全 with a photo in 入户评分; the 红黑榜 shows the shop on the black list with the reason', async () => {
    await openWork(INSPECTOR, '入户评分')
    await visibleText(page(), '第 1 步：选商家').waitFor()
    await visibleText(page(), `${ALLIANCE} 共 1 家`).waitFor()
    await visibleText(page(), SHOP).click()
    await visibleText(page(), '已选 1 家').waitFor()
    await saveScreenshot(await settled(page()), 'merchants-07-inspect-pick')
    await visibleText(page(), '下一步：选细则').click()
    await visibleText(page(), FOOD_SAFETY).click()
    await pickPhoto(page(), '拍照或选照片', await drawJpeg(page(), '#8a3b3b'), 'kitchen.jpg')
    await page().locator('.photo-picker__photo').filter({ visible: true }).first().waitFor()
    await page().locator('.inspect__note textarea').fill('后厨生熟未分开')
    await visibleText(page(), '下一步：核对').click()
    await visibleText(page(), `${SHOP}　店址 百步老街 12 号`).waitFor()
    await visibleText(page(), '确认提交（1 家）').click()
    await visibleText(page(), '已提交 1 家').waitFor()
    await visibleText(page(), '现在 -5 分').waitFor()
    await saveScreenshot(await settled(page()), 'merchants-08-inspected')

    await becomeUser(page(), base(), INSPECTOR)
    await visibleText(page(), '红黑榜').click()
    const black = card('.merchant__black', SHOP)
    await eventually(() => black.innerText(), (text) => {
      expect(text).toContain(`${localDay(new Date())} 起`)
      // The public board names the rule and the state, never the inspector's words (they may name a person).
      expect(text).toContain(`${FOOD_SAFETY}：整改中，限 `)
      expect(text).not.toContain('后厨生熟未分开')
    })
    await saveScreenshot(await settled(page()), 'merchants-09-black-list')
  })

  it('the owner sends proof from 整改通报; the inspector passes it in 整改核验; the points come back once and the shop leaves the black list', async () => {
    await openWork(OWNER, '整改通报')
    await visibleText(page(), '我店的通报').waitFor()
    const notice = card('.notice-card', `${ALLIANCE} ${SHOP}`)
    await eventually(() => notice.innerText(), (text) => expect(text).toContain('这是您的店的通报'))
    await notice.getByText('去整改', { exact: true }).click()
    await visibleText(page(), '整改好了，拍 1 到 3 张照片给联盟看。').waitFor()
    await pickPhoto(page(), '拍照或选照片', await drawJpeg(page(), '#3b8a4d'), 'kitchen-fixed.jpg')
    await page().locator('.photo-picker__photo').filter({ visible: true }).first().waitFor()
    await page().locator('.notices__note textarea').filter({ visible: true }).fill('已分区存放')
    await visibleText(page(), '下一步：核对').click()
    await visibleText(page(), '确认提交整改').click()
    await visibleText(page(), '已提交整改，等联盟核验').waitFor()
    await saveScreenshot(await settled(page()), 'merchants-10-proof')

    await openWork(INSPECTOR, '整改核验')
    await visibleText(page(), '待核验（1）').waitFor()
    const toVerify = card('.notice-card', SHOP)
    await eventually(() => toVerify.innerText(), (text) => expect(text).toContain('这家店提交的整改照片'))
    await eventually(() => toVerify.innerText(), (text) => expect(text).toContain('说明：已分区存放'))
    await saveScreenshot(await settled(page()), 'merchants-11-verify')
    await toVerify.getByText('通过', { exact: true }).click()
    await visibleText(page(), '确定通过').click()
    await visibleText(page(), '已通过，积分已返还').waitFor()

    // Once: the balance is what it was before the deduction, with one 整改后返还 entry; a second 通过 is refused.
    const ledger = dataOf(await callAs<LedgerPage>(base(), OWNER, 'score', { action: 'ledger', householdId: shopId }))
    expect(ledger.balance).toBe(balanceBeforeDeduction)
    expect(ledger.lines.filter((line) => line.kind === 'restoration').map((line) => line.points)).toEqual([10])
    const [rectified] = await ok<NoticeView[]>(OWNER, 'notice', { action: 'mine' })
    expect(await callAs(base(), INSPECTOR, 'notice', { action: 'verify', requestId: 'e2e-merchants-verify-again', noticeId: rectified.id, accept: true })).toMatchObject({
      ok: false,
      error: { code: 'NOTICE_STATE' },
    })

    await openWork(COMMITTEE, '商家联盟')
    await visibleText(page(), `餐饮 · 百步老街 12 号 · 店主 吴海林 · ${balanceBeforeDeduction} 分`).waitFor()
    await becomeUser(page(), base(), OWNER)
    await visibleText(page(), '红黑榜').click()
    await visibleText(page(), '现在没有上黑榜的商家').waitFor()
    await visibleText(page(), `${SHOP}（餐饮）${localDay(new Date())} 移出黑榜`).waitFor()
    await saveScreenshot(await settled(page()), 'merchants-12-off-black-list')
  })

  it('the committee publishes 评星标准 from 商家联盟: a band starting no higher than the one before is refused in plain words and nothing is published; then 第 1 版 is in force', async () => {
    await openWork(COMMITTEE, '商家联盟')
    await visibleText(page(), '评星标准').click()
    await visibleText(page(), '还没有发布过评星标准。发布以前，评不了星级。').waitFor()
    // From today: 5 points in the window make 4 stars, the red list's.
    const form = card('.card', '生效日期（年-月-日，今天或以后）')
    const field = (placeholder: string) => form.locator(`input[placeholder="${placeholder}"]`)
    await field('几个月，例如：3').fill('3')
    await field('第 1 档的积分').fill('0')
    await field('第 1 档几星').fill('3')
    await form.getByText('加一档', { exact: true }).click()
    await field('第 2 档的积分').fill('0')
    await field('第 2 档几星').fill('4')
    await field('上红榜几星，例如：4').fill('4')
    await field('黑榜线，例如：-20').fill('-20')
    await form.getByText('发布', { exact: true }).click()
    await form.getByText('第 2 档的起点积分要高于第 1 档', { exact: true }).waitFor()
    await saveScreenshot(await settled(page()), 'merchants-13-star-terms-refused')
    await visibleText(page(), '还没有发布过评星标准。发布以前，评不了星级。').waitFor()
    expect((await ok<StarTermsPage>(COMMITTEE, 'merchant', { action: 'starTerms', allianceId })).versions).toEqual([])

    await field('第 2 档的积分').fill('5')
    await form.getByText('发布', { exact: true }).click()
    const today = localDay(new Date())
    await visibleText(page(), `已发布第 1 版，${today} 起施行。`).waitFor()
    await visibleText(page(), `第 1 版，${today} 起施行（现行）`).waitFor()
    await visibleText(page(), '近 3 个月积分满 0 分：★★★☆☆ 3 星').waitFor()
    await visibleText(page(), '近 3 个月积分满 5 分：★★★★☆ 4 星').waitFor()
    await visibleText(page(), '上红榜：至少 4 星，且没有没整改完的通报').waitFor()
    await visibleText(page(), '上黑榜：积分低于 -20 分，或有没整改完的通报').waitFor()
    await saveScreenshot(await settled(page()), 'merchants-14-star-terms')
  })

  it('the committee rates the month’s stars on 商家联盟; the shop is on the red list', async () => {
    await openWork(COMMITTEE, '商家联盟')
    await visibleText(page(), '评本月星级').click()
    await visibleText(page(), `${SHOP}：★★★★☆（近期积分 5 分）`).waitFor()
    await saveScreenshot(await settled(page()), 'merchants-15-stars')
    await becomeUser(page(), base(), COMMITTEE)
    await visibleText(page(), '红黑榜').click()
    const red = card('.merchant__red', SHOP)
    await eventually(() => red.innerText(), (text) => expect(text).toContain(`餐饮 · ★★★★☆ · ${localDay(new Date())} 起`))
  })

  it('a customer’s phone opens the storefront sign: the trade name, four stars, the red list and today’s inspection, and no name', async () => {
    const sheet = await ok<PlateSheet>(COMMITTEE, 'account', { action: 'printPlates', requestId: 'e2e-merchants-plates', orgId: allianceId })
    const customer: Page = page()
    await becomeDemoUser(customer, base(), CUSTOMER)
    await customer.goto('about:blank')
    await customer.goto(plateLink(`${base()}/#/pages/plate/index`, sheet.plates[0].signed))
    await visibleText(customer, SHOP).waitFor()
    const text = await customer.locator('.plate-page').filter({ visible: true }).innerText()
    expect(text).toContain('★★★★☆ 4 星')
    expect(text).toContain(`红榜（${localDay(new Date())} 起）`)
    expect(text).toContain(`最近一次检查：${localDay(new Date())}`)
    expect(text).not.toContain('吴海林')
    await saveScreenshot(await settled(customer), 'merchants-16-storefront')
  })
})
