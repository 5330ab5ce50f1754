import type { PlateSheet } from '../../src/core/contracts/account'
import { plateLink } from '../../src/core/plates/plate-code'
import { weappJourney } from './support/journey'

jest.setTimeout(120_000)

/** The link registered in 扫普通链接二维码打开小程序 for pages/plate/index (TARO_APP_PLATE_LINK in a real build). */
const LINK = 'https://plates.example.cn/plate'

/**
 * 门牌码 in the weapp build: WeChat's own camera opens the plate page from a plate's link (scene 1011,
 * the link as `q`): grid leader 王卫东 sees 张建国's household with its last scores and opens 入户评分
 * with it chosen; 张建国, pointing 扫门牌 at his own plate, is taken home; his neighbour 李秀英, typing
 * the code under the plate, sees only the public card.
 */
describe('door plates in the mini-program: WeChat camera, 扫门牌 and the typed code', () => {
  const journey = weappJourney()
  let plate: PlateSheet['plates'][number]

  beforeAll(async () => {
    const sheet = await journey.callAs<PlateSheet>('demo-cadre', 'account', { action: 'printPlates', requestId: 'weapp-plates-1', orgId: 'g-zjq-1' })
    plate = sheet.plates.find((p) => p.householdId === 'h-zjq-01')!
  })

  it('王卫东 opens the plate from WeChat’s camera: the household’s last scores, then 入户评分 with it chosen', async () => {
    const q = encodeURIComponent(plateLink(LINK, plate.signed))
    const leader = await journey.openPhone('demo-grid-leader', { path: 'pages/plate/index', query: { q, scancode_time: '1796000000' }, scene: 1011 })
    const screen = leader.screenText()
    expect(screen).toContain('1组01号')
    expect(screen).toContain('张建国 家')
    expect(screen).toContain('最近的积分')
    await leader.tap('给这户入户评分')
    expect(leader.page.route).toBe('work/inspect/index')
    expect(leader.screenText()).toContain('已选 1 户')
  })

  it('张建国 points 扫门牌 at his own plate and is taken home', async () => {
    const member = await journey.openPhone('demo-villager')
    await member.openLink('pages/plate/index')
    member.device.pointCameraAt(plate.signed)
    await member.tap('扫门牌上的二维码')
    expect(member.page.route).toBe('pages/home/index')
  })

  it('李秀英 types the code under the plate and sees only the public card', async () => {
    const neighbour = await journey.openPhone('demo-villager-2')
    await neighbour.openLink('pages/plate/index')
    await neighbour.fill('例如 7KQ2M-XD4PA', plate.code.toLowerCase())
    await neighbour.tap('打开这块门牌')
    const screen = neighbour.screenText()
    expect(screen).toContain('1组01号')
    expect(screen).toContain('赵家桥村 · 1组 张**')
    expect(screen).not.toContain('张建国')
    expect(screen).not.toContain('给这户入户评分')
  })
})
