import type { MatterBoard, MatterDetail, MatterView } from '../../src/core/contracts/matter'
import type { MessageView } from '../../src/core/contracts/notice'
import { callAs, dataOf } from './support/api'
import { saveScreenshot } from './support/browser'
import { eventually } from './support/eventually'
import { describeInBrowser, startJourney } from './support/journey'
import { drawJpeg, pickPhoto } from './support/photos'
import { becomeDemoUser, settled, switchDemoIdentity, visibleText, workButton } from './support/ui'

jest.setTimeout(180_000)

const VILLAGER = '村民 张建国（赵家桥村1组）'
const NEIGHBOUR = '村民 李秀英（赵家桥村1组）'
const GRID_LEADER = '微网格长 王卫东（第一网格1号微网格）'
const CADRE = '村干部 陈明华（赵家桥村）'
const TEXT = '坟浜东头河岸塌了一段，晚上走路危险'

/**
 * Journey (连心议站): 张建国 raises a matter with a photo; his neighbour 李秀英 sees it masked on the
 * board and adds 我也遇到; grid leader 王卫东 accepts it and assigns it to cadre 陈明华, who reports
 * progress and feedback; 张建国 rates 不满意, it reopens, 陈明华 answers again, 张建国 rates 满意.
 */
describeInBrowser('连心议站: a matter goes round the closed loop (H5 demo mode)', () => {
  const journey = startJourney()
  let matterId = 0
  const card = () => journey.page.locator('.matter-card').filter({ visible: true }).filter({ hasText: TEXT }).first()
  const status = async (label: string) => eventually(() => card().innerText(), (text) => expect(text).toContain(label))

  it('villager 张建国 raises a matter from home with a photo', async () => {
    const { page, gateway } = journey
    await becomeDemoUser(page, gateway.baseUrl, VILLAGER)
    await visibleText(page, '我要议事').click()
    await pickPhoto(page, '拍照或选照片', await drawJpeg(page, '#7a6a4f'), 'bank.jpg')
    await page.locator('.photo-picker__photo').filter({ visible: true }).first().waitFor()
    await page.locator('.matters__raise-text textarea').filter({ visible: true }).fill(TEXT)
    await page.locator('.matters__raise-place input').filter({ visible: true }).fill('坟浜东头')
    await saveScreenshot(await settled(page), 'matters-01-raise')
    await visibleText(page, '提交到连心议站').click()
    await status('已收集')
    await saveScreenshot(await settled(page), 'matters-02-raised')
    const mine = dataOf(await callAs<MatterView[]>(gateway.baseUrl, 'demo-villager', 'matter', { action: 'mine' }))
    const raised = mine.find((m) => m.text === TEXT)!
    expect(raised).toMatchObject({ status: 'collected', place: '坟浜东头', microGrid: { id: 'mg-zjq-1-1' } })
    expect(raised.photos).toHaveLength(1)
    matterId = raised.id
  })

  it('neighbour 李秀英 finds it masked on the board and adds 我也遇到', async () => {
    const { page, gateway } = journey
    await becomeDemoUser(page, gateway.baseUrl, NEIGHBOUR)
    await visibleText(page, '议事公开栏').click()
    await eventually(() => card().innerText(), (text) => expect(text).toMatch(/1组 张\*\*/))
    expect(await card().innerText()).not.toContain('张建国')
    await card().click()
    await visibleText(page, '我也遇到').click()
    await status('1 户也遇到')
    await saveScreenshot(await settled(page), 'matters-03-neighbour-seconds')
  })

  it('grid leader 王卫东 accepts it and assigns it to cadre 陈明华', async () => {
    const { page, gateway } = journey
    await becomeDemoUser(page, gateway.baseUrl, GRID_LEADER)
    await workButton(page, '议事待办').click()
    await eventually(() => card().innerText(), (text) => expect(text).toContain('1组01号 张建国'))
    await card().click()
    await visibleText(page, '受理').click()
    await status('已受理')
    await visibleText(page, '○ 村干部 陈明华').click()
    await visibleText(page, '交办').click()
    await status('已交办')
    await saveScreenshot(await settled(page), 'matters-04-assigned')
  })

  it('cadre 陈明华 reports progress, then the result', async () => {
    const { page, gateway } = journey
    await becomeDemoUser(page, gateway.baseUrl, CADRE)
    await workButton(page, '议事待办').click()
    await card().click()
    await page.locator('.matters__progress textarea').filter({ visible: true }).fill('已请镇水利站来看，先拉警示带')
    await visibleText(page, '记录进展').click()
    await status('办理中')
    await page.locator('.matters__feedback textarea').filter({ visible: true }).fill('水利站排在下月修')
    await visibleText(page, '反馈结果给村民').click()
    await status('已反馈')
    await saveScreenshot(await settled(page), 'matters-05-answered')
  })

  it('villager 张建国 rates 不满意 and it reopens; after the second answer he rates 满意', async () => {
    const { page, gateway } = journey
    await becomeDemoUser(page, gateway.baseUrl, VILLAGER)
    await visibleText(page, '我的议事').click()
    await card().click()
    await visibleText(page, '不满意').click()
    await status('重新办理过')
    await status('办理中')
    await saveScreenshot(await settled(page), 'matters-06-reopened')

    await becomeDemoUser(page, gateway.baseUrl, CADRE)
    await workButton(page, '议事待办').click()
    await card().click()
    await page.locator('.matters__feedback textarea').filter({ visible: true }).fill('已用沙袋临时加固，下月修好')
    await visibleText(page, '反馈结果给村民').click()
    await status('已反馈')

    await becomeDemoUser(page, gateway.baseUrl, VILLAGER)
    await visibleText(page, '我的议事').click()
    await card().click()
    await visibleText(page, '满意').click()
    await status('已评价')
    await status('评价：满意')
    await saveScreenshot(await settled(page), 'matters-07-rated')
  })

  it('each step reached the right people, and the public sees it closed but masked', async () => {
    const { baseUrl } = journey.gateway
    const titles = async (openid: string) => dataOf(await callAs<{ messages: MessageView[] }>(baseUrl, openid, 'notice', { action: 'messages' })).messages.map((m) => m.title)
    expect(await titles('demo-grid-leader')).toContain('连心议站有新的议事')
    expect(await titles('demo-cadre')).toEqual(expect.arrayContaining(['有一件议事交办给您', '居民不满意，这件事重新办理', '居民评价：满意']))
    expect(await titles('demo-villager')).toEqual(expect.arrayContaining(['您提的事已受理', '您提的事已交办', '您提的事有新进展', '您提的事有办理结果了']))
    expect(await titles('demo-villager-2')).toContain('您也遇到的事有办理结果了')
    expect(await titles('demo-accountant')).not.toContain('有一件议事交办给您')

    const detail = dataOf(await callAs<MatterDetail>(baseUrl, 'demo-villager-2', 'matter', { action: 'detail', matterId }))
    expect(detail).toMatchObject({ status: 'rated', raiser: '1组 张**', masked: true, seconds: 1, mayTake: [] })
    expect(detail.steps.map((s) => s.kind)).toEqual(['raise', 'accept', 'assign', 'progress', 'feedback', 'rate', 'reopen', 'feedback', 'rate'])
    expect(JSON.stringify(detail)).not.toContain('张建国')
    const outside = await callAs<MatterDetail>(baseUrl, 'demo-cadre-other', 'matter', { action: 'detail', matterId })
    expect(outside).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const board = dataOf(await callAs<MatterBoard>(baseUrl, 'demo-cadre', 'matter', { action: 'board' }))
    expect(board.matters.find((m) => m.id === matterId)).toMatchObject({ raiser: '1组01号 张建国', status: 'rated' })
  })

  it('every demo role opens each 连心议站 page with no query and gets its own place or a plain message, never a raw error', async () => {
    const { page, gateway } = journey
    const labels = [VILLAGER, NEIGHBOUR, GRID_LEADER, CADRE, '村干部 沈国强（通界村）', '社区评分员 周丽（东湖社区）', '合作社会计 徐美芳（赵家桥村）', '超市店员 钱小红（赵家桥村积分超市）', '街道管理员 金伟（当湖街道）']
    // Each page opened afresh (a new query string reloads the app), as from a shared link.
    let load = 0
    for (const label of labels) {
      await page.goto(`${gateway.baseUrl}/?load=${load++}#/pages/home/index`)
      await switchDemoIdentity(page, label)
      for (const path of ['raise', 'mine', 'board', 'detail', 'work', 'numbers']) {
        await page.goto(`${gateway.baseUrl}/?load=${load++}#/matters/${path}/index`)
        const shown = page.locator('.matters').filter({ visible: true }).first()
        await eventually(() => shown.innerText(), (text) => expect(text).not.toMatch(/正在加载/))
        const text = await shown.innerText()
        expect(text).toMatch(/[\u4e00-\u9fa5]{4}/)
        expect(text).not.toMatch(/系统忙|INTERNAL|undefined|NaN|\[object/)
      }
    }
  })
})
