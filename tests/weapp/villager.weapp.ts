import QRCode from 'qrcode'
import type { NoticeView } from '../../src/core/contracts/notice'
import type { LedgerPage, MyRequests } from '../../src/core/contracts/score'
import { ruleIdsByCode } from '../../server/test-support/test-database'
import { weappJourney } from './support/journey'
import { TINY_JPEG } from './support/photos'

jest.setTimeout(120_000)

/** What a Shanghai wall clock shows for an instant, computed without Intl (UTC+8, no DST since 1991). */
function shanghaiClock(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}

/**
 * 张建国 (demo-villager) in the weapp build, on an Android-like phone whose zone is not Shanghai:
 * home balance; 积分明细 with Shanghai times; 出示积分卡 draws a QR of a token the cloud signed; a
 * claim with a photo; an appeal of a deduction; his notice, and proof of rectification with a photo.
 */
describe('villager in the mini-program: balance, ledger times, card, claim, appeal, notice and proof', () => {
  const journey = weappJourney()

  beforeAll(async () => {
    // What the grid leader's and the cadre's journeys do through their own pages: a restorable
    // deduction with a photo (it opens a notice) and one that is not restorable.
    const rules = await ruleIdsByCode(journey.cloud.database.db, 'rs-zjq')
    const photo = await journey.photoOf('demo-grid-leader', 'clutter.jpg', TINY_JPEG)
    await journey.callAs('demo-grid-leader', 'score', { action: 'submit', requestId: 'walk-clutter-1', householdIds: ['h-zjq-01'], ruleId: rules['env-clutter'], photos: [photo] })
    await journey.callAs('demo-cadre', 'score', { action: 'submit', requestId: 'walk-lavish-1', householdIds: ['h-zjq-01'], ruleId: rules['custom-lavish'] })
  })

  it('home shows the household and its balance; 积分明细 shows each line at its Shanghai time', async () => {
    const ledger = await journey.callAs<LedgerPage>('demo-villager', 'score', { action: 'ledger' })
    const phone = await journey.openPhone('demo-villager')
    expect(phone.screenText()).toContain('张建国 家')
    expect(phone.screenText()).toContain(`我家善治积分${ledger.balance}分`)
    expect(phone.screenText()).toContain(`本月变化 −15 分`)

    await phone.tapTab('明细')
    const screen = phone.screenText()
    expect(screen).toContain(`现有积分${ledger.balance}分`)
    // Every line's time is the Shanghai wall clock, whatever the phone's own zone (the suite runs under another TZ).
    for (const line of ledger.lines.slice(0, 5)) expect(screen).toContain(`${shanghaiClock(line.createdAt)}${line.kindLabel}`)
    expect(new Date().getTimezoneOffset()).not.toBe(-480)
  })

  it('出示积分卡 draws the QR of a token the cloud signed, with a number code to read out that the shop turns into the same token', async () => {
    const phone = await journey.openPhone('demo-villager')
    await phone.tap('出示积分卡')
    expect(phone.screenText()).toContain('请店员扫这个码')
    const shown = phone.screenText().match(/把这串数字念给店员：(\d{4} \d{3} \d{3})/)
    expect(shown).not.toBeNull()
    await phone.tap('复制数字码')
    // The clipboard is a privacy interface: WeChat waits for his consent first.
    await phone.answerPrivacy('agree')
    expect(phone.device.clipboard).toBe(shown![1].replace(/ /g, ''))
    // Copied, the page says what to do next with it.
    expect(phone.screenText()).toContain('已复制。在微信里发给店员，她粘贴到「积分兑换」的数字码框里，点「查看这张卡」')
    // The clerk types the code he hears: the shop gets this household's card (masked) and its token.
    const held = await journey.callAs<{ token: string; holder: { householdName: string; villageName: string } }>('demo-shop', 'card', { action: 'codeToken', code: shown![1], shopId: 'shop-zjq' })
    expect(held.holder).toMatchObject({ householdName: '张**', villageName: '赵家桥村' })
    const token = held.token
    // The canvas holds exactly the QR of that token: its dark modules, drawn square by square.
    const canvas = await phone.drawnCanvas('card-qr-canvas', 'fillRect')
    const drawnSquares = canvas.drawCalls.filter((call) => call.op === 'fillRect').length - 1
    const expected = QRCode.create([{ mode: 'byte', data: Buffer.from(token, 'ascii') }], { errorCorrectionLevel: 'M' }).modules
    expect(drawnSquares).toBe([...expected.data].filter(Boolean).length)
  })

  it('我要申报: a claim with a photo from the phone is 待审核', async () => {
    const phone = await journey.openPhone('demo-villager')
    await phone.tap('我要申报')
    await phone.tap('参加村里志愿服务活动')
    await phone.tap('下一步：核对')
    expect(phone.screenText()).toContain('请至少拍一张照片作为凭证')
    phone.device.pickPhotos(TINY_JPEG)
    await phone.tap('拍照或选照片')
    await phone.answerPrivacy('agree')
    expect(phone.screenText()).toContain('已有 1 张，最多 3 张')
    await phone.fill('比如：11月20日在村口值守', '11月村口垃圾分类宣传值守')
    await phone.tap('下一步：核对')
    await phone.tap('确认提交')
    expect(phone.screenText()).toContain('申报已提交')
    expect(phone.screenText()).toContain('待审核')

    const requests = await journey.callAs<MyRequests>('demo-villager', 'score', { action: 'myRequests' })
    expect(requests.claims[0]).toMatchObject({ rule: { title: '参加村里志愿服务活动' }, status: 'pending', note: '11月村口垃圾分类宣传值守' })
    expect(requests.claims[0].photos[0]).toMatch(/^cloud:\/\//)
  })

  it('积分明细: the restorable deduction offers 去整改 to the same notice; 我的消息 told him of it', async () => {
    const phone = await journey.openPhone('demo-villager')
    await phone.tap(/我的消息（\d+ 条未读）/)
    expect(phone.screenText()).toContain('您家有一条整改通报')
    await phone.back()
    const taps = phone.taps
    await phone.tapTab('明细')
    await phone.tap('去整改，分可以加回来')
    expect(phone.page.route).toBe('pages/notices/detail')
    expect(phone.screenText()).toContain('提交整改')
    // From 首页 to the proof form by the ledger: two taps.
    expect(phone.taps - taps).toBe(2)
  })

  it('整改通报 puts 我家的通报 first: his notice with 去整改 above the village’s groups, two taps from 首页 to the proof form', async () => {
    const phone = await journey.openPhone('demo-villager')
    const taps = phone.taps
    await phone.tap('整改通报')
    const screen = phone.screenText()
    expect(screen.indexOf('我家的通报')).toBeGreaterThanOrEqual(0)
    expect(screen.indexOf('我家的通报')).toBeLessThan(screen.indexOf('本村各组的通报'))
    expect(screen).toContain('这是您家的通报')
    await phone.tap('去整改')
    expect(phone.page.route).toBe('pages/notices/detail')
    expect(phone.screenText()).toContain('提交整改')
    expect(phone.taps - taps).toBeLessThanOrEqual(3)
  })

  it('申诉: he appeals the deduction that is not restorable, and the ledger shows 待处理', async () => {
    const phone = await journey.openPhone('demo-villager')
    await phone.tapTab('明细')
    await phone.tap('申诉')
    expect(phone.screenText()).toContain('对这笔扣分申诉')
    await phone.fill('请写明为什么觉得这笔扣分不对（2 到 200 个字）', '错')
    await phone.tap('提交申诉')
    expect(phone.screenText()).toContain('请写明理由，至少 2 个字')
    await phone.fill('请写明为什么觉得这笔扣分不对（2 到 200 个字）', '酒席只有八桌，是按村规民约办的')
    await phone.tap('提交申诉')
    expect(phone.screenText()).toContain('申诉已提交')

    const ledger = await journey.callAs<LedgerPage>('demo-villager', 'score', { action: 'ledger' })
    expect(ledger.lines.find((line) => line.rule?.title === '红白喜事大操大办、铺张浪费')?.appeal).toMatchObject({ status: 'pending' })
  })

  it('his 整改 comes first on 首页: one tap on 去整改 opens the notice, proof with a photo → 待核验, and 首页 then says it waits for the check', async () => {
    const phone = await journey.openPhone('demo-villager')
    expect(phone.screenText()).toContain('您家有 1 条整改要做')
    expect(phone.screenText()).toMatch(/(还有 \d+ 天到期|今天到期)整改好了拍照上传，核验后扣的 5 分加回来/)
    // A villager after a deduction reaches the proof form from 首页 in at most 3 taps: here, one.
    const taps = phone.taps
    await phone.tap('去整改')
    expect(phone.screenText()).toContain('1组01号 张建国')
    expect(phone.screenText()).toContain('提交整改')
    expect(phone.taps - taps).toBeLessThanOrEqual(3)
    expect(phone.taps - taps).toBe(1)
    phone.device.pickPhotos(TINY_JPEG)
    await phone.tap('拍照或选照片')
    await phone.answerPrivacy('agree')
    await phone.fill('比如：门口的杂物已经清走', '杂物已经清走了')
    await phone.tap('下一步：核对')
    await phone.tap('确认提交整改')
    expect(phone.screenText()).toContain('已提交整改，等村里核验')
    await phone.back()
    expect(phone.screenText()).toContain('您家的整改在等村里核验')
    expect(phone.screenText()).toContain('整改照片已交，等村里核验')

    const [notice] = (await journey.callAs<NoticeView[]>('demo-villager', 'notice', { action: 'mine' })).filter((n) => n.rule?.title === '房前屋后乱堆乱放')
    expect(notice.status).toBe('proof_submitted')
    expect(notice.proof).toMatchObject({ note: '杂物已经清走了' })
  })
})
