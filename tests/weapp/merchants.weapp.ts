import type { PlateSheet, WhoAmI } from '../../src/core/contracts/account'
import type { StarTermsPage } from '../../src/core/contracts/merchant'
import type { NoticeView } from '../../src/core/contracts/notice'
import type { LedgerPage } from '../../src/core/contracts/score'
import { plateLink } from '../../src/core/plates/plate-code'
import { weappJourney } from './support/journey'
import type { MiniProgram } from './support/mini-program'
import { TINY_JPEG } from './support/photos'

jest.setTimeout(180_000)

const ALLIANCE = '百步商家自治联盟'
const SHOP = '老街面馆'
const FOOD_SAFETY = '食品安全检查不合格（整改后退回）'
const LINK = 'https://plates.example.cn/plate'
// Shanghai's day, computed as the app does (UTC+8), whatever the zone the suite runs in.
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const ONE_TIME_CODE = /[2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4}/

/** The one-time code the page shows ("ABCD EFGH"), read as the person handing it over reads it. */
function shownCode(phone: MiniProgram): string {
  const code = ONE_TIME_CODE.exec(phone.screenText())
  if (!code) throw new Error(`no code on ${phone.page.route}. The page reads: ${phone.screenText()}`)
  return code[0]
}

/**
 * Done-when journey of issue 28 (商家自治联盟) in the weapp build, each step tapped on its person's phone:
 * the street's admin creates the alliance (组织架构) and gives a 联盟委员 code (工作人员); the committee member
 * binds, gives an inspector's code, adds 老街面馆 and issues its owner's code (商家联盟); the owner binds
 * (绑定我家) and signs in at her training with the code her page shows (培训签到); the inspector deducts
 * 食品安全 with a photo (入户评分); 红黑榜 shows the black list with the reason; the owner sends proof
 * (整改通报 → 去整改); the inspector passes it (整改核验): the points come back once and the shop leaves
 * the black list; the committee publishes the alliance's 评星标准 (a band starting no higher than the one
 * before is refused in plain words, nothing published) and rates the month (评本月星级); a customer's camera opens the storefront sign.
 *
 * Through the cloud functions directly, not part of the journey: the printed sign (印门牌 serves villages
 * only) and the ledger and star terms the figures are checked against.
 */
describe('merchants in the mini-program: from the alliance to the storefront sign, tapped', () => {
  const journey = weappJourney()
  let allianceId = ''
  let shopId = ''
  let committee: MiniProgram
  let inspector: MiniProgram
  let owner: MiniProgram

  /** 我是工作人员 on a new phone's 首页, then name and code, back to 首页 as the role. */
  async function joinAsStaff(openid: string, name: string, code: string): Promise<MiniProgram> {
    const phone = await journey.openPhone(openid)
    await phone.tap('我是工作人员')
    await phone.fill('例如：陈明华', name)
    await phone.fill('8 位工作码', code)
    await phone.tap('绑定')
    expect(phone.screenText()).toContain('绑定成功')
    await phone.tap('回首页开始工作')
    return phone
  }

  /** 工作人员 → 发工作码 for a role on the alliance; back to 首页 after reading the code. */
  async function issueStaffCode(phone: MiniProgram, roleLabel: string): Promise<string> {
    await phone.tap('工作人员')
    await phone.tap(roleLabel)
    await phone.tap(`${ALLIANCE}（商家联盟）`)
    await phone.tap('发工作码', 1)
    const code = shownCode(phone)
    await phone.back()
    return code
  }

  /** Back to 首页 on the phone, then one of its work buttons. */
  async function openWork(phone: MiniProgram, label: string) {
    while (phone.pageStack.length > 1) await phone.back()
    await phone.tap(label)
  }

  it('the admin creates the alliance and invites its committee member, who invites an inspector', async () => {
    const admin = await journey.openPhone('demo-admin')
    await admin.tap('组织架构')
    await admin.tap(/^商家联盟$/)
    await admin.fill('请填写名称', ALLIANCE)
    await admin.tap('保存')
    expect(admin.screenText()).toContain(`已新增：${ALLIANCE}`)
    expect(admin.screenText()).toContain(`${ALLIANCE} · 商家联盟 · 0 家`)
    await admin.back()
    const committeeCode = await issueStaffCode(admin, '联盟委员')

    committee = await joinAsStaff('weapp-committee', '沈玉梅', committeeCode)
    expect(committee.screenText()).toContain(`联盟委员 · ${ALLIANCE}`)
    const inspectorCode = await issueStaffCode(committee, '部门检查员')
    inspector = await joinAsStaff('weapp-inspector', '陆明', inspectorCode)
    expect(inspector.screenText()).toContain(`部门检查员 · ${ALLIANCE}`)
    allianceId = (await journey.callAs<Extract<WhoAmI, { registered: true }>>('weapp-inspector', 'account', { action: 'whoami' })).roles[0].org.id
  })

  it('the committee member adds 老街面馆 and issues its owner’s code; the owner binds and signs in at a training once', async () => {
    await openWork(committee, '商家联盟')
    await committee.fill('例如：老街面馆', SHOP)
    await committee.fill('例如：吴海林', '吴海林')
    await committee.fill('例如：百步老街 12 号', '百步老街 12 号')
    await committee.tap('添加')
    expect(committee.screenText()).toContain('餐饮 · 百步老街 12 号 · 店主 吴海林 · 0 分')
    await committee.tap(`发${SHOP}店主的邀请码`)
    const ownerCode = shownCode(committee)

    owner = await journey.openPhone('weapp-owner')
    await owner.tap('绑定我家')
    await owner.fill('例如：张建国', '吴海林')
    await owner.fill('8 位邀请码', ownerCode)
    await owner.tap('绑定')
    expect(owner.screenText()).toContain(`您已绑定 ${ALLIANCE} ${SHOP}（店址 百步老街 12 号），是这家店的店主。`)
    await owner.tap('回首页看积分')
    shopId = (await journey.callAs<Extract<WhoAmI, { registered: true }>>('weapp-owner', 'account', { action: 'whoami' })).merchant!.id

    await committee.fill('例如：食品安全法规培训', '食品安全法规培训')
    await committee.tap('开始签到（3 小时内有效）')
    const trainingCode = /请店主在“培训签到”里输入：([2-9A-HJKMNP-Z]{8})/.exec(committee.screenText())![1]

    await owner.tap('培训签到')
    await owner.fill('8 位签到码', trainingCode)
    await owner.tap(/^签到$/)
    expect(owner.screenText()).toContain(`签到成功：食品安全法规培训，${SHOP}加 5 分，现有 5 分。`)
    await owner.tap(/^签到$/)
    expect(owner.screenText()).toContain(`${SHOP}已经签过到了，积分只加一次。`)
  })

  it('the inspector deducts 食品安全 with a photo; the owner proves, the inspector passes; the points come back once and the stars are rated', async () => {
    const before = (await journey.callAs<LedgerPage>('weapp-owner', 'score', { action: 'ledger', householdId: shopId })).balance
    expect(before).toBe(5)

    await openWork(inspector, '入户评分')
    expect(inspector.screenText()).toContain('第 1 步：选商家')
    expect(inspector.screenText()).toContain(`${ALLIANCE} 共 1 家`)
    await inspector.tap(SHOP)
    expect(inspector.screenText()).toContain('已选 1 家')
    await inspector.tap('下一步：选细则')
    // 参加培训 is scored by the training's sign-in alone: the inspector is not offered it.
    expect(inspector.screenText()).toContain('消防安全')
    expect(inspector.screenText()).not.toContain('参加联盟培训')
    await inspector.tap(FOOD_SAFETY)
    inspector.device.pickPhotos(TINY_JPEG)
    await inspector.tap('拍照或选照片')
    await inspector.answerPrivacy('agree')
    await inspector.fill('例如：门口堆了建筑垃圾', '后厨生熟未分开')
    await inspector.tap('下一步：核对')
    expect(inspector.screenText()).toContain(`商家（1 家）${SHOP}　店址 百步老街 12 号`)
    await inspector.tap('确认提交（1 家）')
    expect(inspector.screenText()).toContain(`已提交 1 家`)
    expect(inspector.screenText()).toContain(`${SHOP}已记分现在 ${before - 10} 分`)

    await openWork(inspector, '红黑榜')
    // The public board names the rule and the state, never the inspector's words (they may name a person).
    expect(inspector.screenText()).toMatch(new RegExp(`黑榜${SHOP}餐饮 · 未评星 · ${TODAY} 起${FOOD_SAFETY}：整改中，限 `))
    expect(inspector.screenText()).not.toContain('后厨生熟未分开')

    await openWork(owner, '整改通报')
    expect(owner.screenText()).toContain('我店的通报')
    expect(owner.screenText()).toContain('这是您的店的通报')
    await owner.tap('去整改')
    expect(owner.screenText()).toContain('整改好了，拍 1 到 3 张照片给联盟看。')
    owner.device.pickPhotos(TINY_JPEG)
    await owner.tap('拍照或选照片')
    await owner.answerPrivacy('agree')
    await owner.fill('比如：门口的杂物已经清走', '已分区存放')
    await owner.tap('下一步：核对')
    await owner.tap('确认提交整改')
    expect(owner.screenText()).toContain('已提交整改，等联盟核验')

    await openWork(inspector, '整改核验')
    expect(inspector.screenText()).toContain('待核验（1）')
    expect(inspector.screenText()).toContain('这家店提交的整改照片')
    expect(inspector.screenText()).toContain('说明：已分区存放')
    await inspector.tap('通过')
    await inspector.tap('确定通过')
    expect(inspector.screenText()).toContain('已通过，积分已返还')

    // Once: the balance is the one before the deduction, with exactly one 整改后返还 entry.
    const ledger = await journey.callAs<LedgerPage>('weapp-owner', 'score', { action: 'ledger', householdId: shopId })
    expect(ledger.balance).toBe(before)
    expect(ledger.lines.filter((line) => line.kind === 'restoration').map((line) => line.points)).toEqual([10])
    const [notice] = await journey.callAs<NoticeView[]>('weapp-owner', 'notice', { action: 'mine' })
    expect(notice.status).toBe('rectified')

    await openWork(owner, '红黑榜')
    expect(owner.screenText()).toContain('现在没有上黑榜的商家')
    expect(owner.screenText()).toContain(`${SHOP}（餐饮）${TODAY} 移出黑榜`)

    // 商家联盟 → 评星标准: from today, 5 points in the window make 4 stars, the red list's.
    await openWork(committee, '商家联盟')
    await committee.tap(/^评星标准$/)
    expect(committee.screenText()).toContain('还没有发布过评星标准。发布以前，评不了星级。')
    await committee.fill('几个月，例如：3', '3')
    await committee.fill('第 1 档的积分', '0')
    await committee.fill('第 1 档几星', '3')
    await committee.tap('加一档')
    await committee.fill('第 2 档的积分', '0')
    await committee.fill('第 2 档几星', '4')
    await committee.fill('上红榜几星，例如：4', '4')
    await committee.fill('黑榜线，例如：-20', '-20')
    await committee.tap(/^发布$/)
    expect(committee.screenText()).toContain('第 2 档的起点积分要高于第 1 档')
    expect(committee.screenText()).toContain('还没有发布过评星标准。')
    expect((await journey.callAs<StarTermsPage>('weapp-committee', 'merchant', { action: 'starTerms', allianceId })).versions).toEqual([])
    await committee.fill('第 2 档的积分', '5')
    await committee.tap(/^发布$/)
    expect(committee.screenText()).toContain(`已发布第 1 版，${TODAY} 起施行。`)
    expect(committee.screenText()).toContain(`第 1 版，${TODAY} 起施行（现行）`)
    expect(committee.screenText()).toContain('近 3 个月积分满 5 分：★★★★☆ 4 星')
    expect(committee.screenText()).toContain('上红榜：至少 4 星，且没有没整改完的通报')

    await openWork(committee, '商家联盟')
    expect(committee.screenText()).toContain(`餐饮 · 百步老街 12 号 · 店主 吴海林 · ${before} 分`)
    await committee.tap('评本月星级')
    expect(committee.screenText()).toContain(`${SHOP}：★★★★☆（近期积分 5 分）`)
  })

  it('a customer’s camera opens the storefront sign: the trade name, four stars, the red list, today’s inspection, no name', async () => {
    const sheet = await journey.callAs<PlateSheet>('weapp-committee', 'account', { action: 'printPlates', requestId: 'weapp-merchants-signs', orgId: allianceId })
    const q = encodeURIComponent(plateLink(LINK, sheet.plates[0].signed))
    const customer = await journey.openPhone('weapp-merchants-customer', { path: 'pages/plate/index', query: { q, scancode_time: '1796000000' }, scene: 1011 })
    const screen = customer.screenText()
    expect(screen).toContain(SHOP)
    expect(screen).toContain('★★★★☆ 4 星')
    expect(screen).toContain(`红榜（${TODAY} 起）`)
    expect(screen).toContain(`最近一次检查：${TODAY}`)
    expect(screen).not.toContain('吴海林')
  })
})
