import type { Page } from 'playwright-core'
import type { WhoAmI } from '../../src/core/contracts/account'
import type { MyCard } from '../../src/core/contracts/card'
import type { MyDividends } from '../../src/core/contracts/dividend'
import type { NoticeOutputs } from '../../src/core/contracts/notice'
import type { AppealView, LedgerPage, MyRequests, PendingWork, Ranking, RuleSetView } from '../../src/core/contracts/score'
import { formatYuan } from '../../src/core/money'
import { periodsOf } from '../../src/core/period'
import { PLAIN_WORDS } from '../../src/core/plain-words'
import { ruleTags } from '../../src/core/rule-labels'
import { eventually } from './support/eventually'
import { callAs, dataOf, publishDividendAs, THIS_YEAR } from './support/api'
import { saveScreenshot } from './support/browser'
import { describeInBrowser, startJourney } from './support/journey'
import { drawJpeg, pickPhoto } from './support/photos'
import { becomeDemoUser, settled, switchDemoIdentity, visibleText } from './support/ui'

jest.setTimeout(240_000)

const RULE_TITLE = '房前屋后乱堆乱放'

/** The visible card of a ledger line with this rule title (tab pages stay in the DOM, hidden). */
function ledgerLine(page: Page, title: string) {
  return page.locator('.ledger-line').filter({ visible: true }).filter({ has: page.getByText(title, { exact: true }) }).first()
}

/**
 * Journey (issue 3): grid leader 王卫东 scores 张建国's and 李秀英's households with the deduction
 * “房前屋后乱堆乱放” and a photo; 张建国 opens 积分明细, sees the deduction with rule, −5, scorer
 * and photo, appeals it (待处理), and finds his household highlighted on 村排行; 长辈模式; a claim;
 * the appeal overturned. Then he reads 积分细则, shows his 积分卡 (QR and code), opens 整改通报's
 * channels and, once the accountant has published the dividend, sees his line in 我家的分红.
 */
describeInBrowser('villager journey: home, ledger, appeal, ranking, rules, card, notices, dividend (H5 demo mode)', () => {
  const journey = startJourney()
  let balanceBefore: number

  it('grid leader 王卫东 scores both households with the deduction and a photo', async () => {
    const me = dataOf(await callAs<WhoAmI>(journey.gateway.baseUrl, 'demo-villager', 'account', { action: 'whoami' }))
    if (!me.registered || !me.household) throw new Error('demo-villager should be a registered household member')
    balanceBefore = me.household.balance

    // Through the scorer's own pages (src/work/inspect): tick both households, pick the rule, add a photo, confirm.
    await journey.page.goto(`${journey.gateway.baseUrl}/`)
    await switchDemoIdentity(journey.page, '微网格长 王卫东（第一网格1号微网格）')
    await visibleText(journey.page, '入户评分').click()
    await visibleText(journey.page, '第一网格1号微网格 共 8 户').waitFor()
    for (const name of ['张建国', '李秀英']) await visibleText(journey.page, name).click()
    await visibleText(journey.page, '已选 2 户').waitFor()
    await visibleText(journey.page, '下一步：选细则').click()
    await visibleText(journey.page, RULE_TITLE).click()
    await pickPhoto(journey.page, '拍照或选照片', await drawJpeg(journey.page, '#8a6d3b'), 'clutter.jpg')
    await journey.page.locator('.photo-picker__photo').filter({ visible: true }).first().waitFor()
    await journey.page.locator('.inspect__note textarea').filter({ visible: true }).fill('门口堆放杂物')
    await visibleText(journey.page, '下一步：核对').click()
    await visibleText(journey.page, '确认提交（2 户）').click()
    await visibleText(journey.page, '评分完成').waitFor()
    await saveScreenshot(journey.page, 'villager-00-grid-leader-scored')

    const scored = dataOf(await callAs<LedgerPage>(journey.gateway.baseUrl, 'demo-villager', 'score', { action: 'ledger' }))
    expect(scored.lines[0]).toMatchObject({ kind: 'score', points: -5, rule: { title: RULE_TITLE }, scorer: { name: '王卫东' } })
    const fileId = scored.lines[0].photos[0]
    expect(fileId).toMatch(/^local:\/\/[a-f0-9-]{36}\.jpg$/)

    // 李秀英 (demo-villager-2) finds the same deduction in her own ledger.
    const hers = dataOf(await callAs<LedgerPage>(journey.gateway.baseUrl, 'demo-villager-2', 'score', { action: 'ledger' }))
    expect(hers.householdId).toBe('h-zjq-02')
    expect(hers.lines[0]).toMatchObject({ points: -5, rule: { title: RULE_TITLE }, scorer: { name: '王卫东' }, photos: [fileId] })
  })

  it('villager 张建国 sees the deduction in 积分明细 with rule, −5, scorer and photo', async () => {
    await journey.page.goto(`${journey.gateway.baseUrl}/`)
    await visibleText(journey.page, '切换演示身份').waitFor()
    await switchDemoIdentity(journey.page, '村民 张建国（赵家桥村1组）')
    await visibleText(journey.page, '张建国 家').waitFor()
    // 首页: this month's change and the quick links.
    await eventually(() => journey.page.locator('.household-card__month').filter({ visible: true }).innerText(), (value) => expect(value).toMatch(/本月变化\s*−5\s*分/))
    for (const link of ['积分明细', '积分细则', '村排行', '我要申报']) await visibleText(journey.page, link).waitFor()
    await saveScreenshot(journey.page, 'villager-01-home')

    await visibleText(journey.page, '明细').click() // the tab bar
    const line = ledgerLine(journey.page, RULE_TITLE)
    await line.waitFor()
    await eventually(() => journey.page.locator('.ledger__balance').filter({ visible: true }).innerText(), (value) => expect(value).toMatch(
      new RegExp(`^\\s*${balanceBefore - 5}\\s*分\\s*$`),
    ))
    await eventually(() => line.locator('.ledger-line__points-value').innerText(), (value) => expect(value).toBe('−5'))
    await eventually(() => line.locator('.ledger-line__points-value').getAttribute('class'), (value) => expect(value).toContain('points--down'))
    await eventually(() => line.innerText(), (value) => expect(value).toContain('人居环境'))
    await eventually(() => line.innerText(), (value) => expect(value).toContain(`余额 ${balanceBefore - 5} 分`))
    await eventually(() => line.locator('.ledger-line__scorer').innerText(), (value) => expect(value).toBe('评分人：王卫东（第一网格1号微网格）'))
    await eventually(() => line.innerText(), (value) => expect(value).toContain('说明：门口堆放杂物'))
    await eventually(() => line.locator('.photo-thumbs__item img').count(), (value) => expect(value).toBe(1))
    // Thumbnails load lazily: wait until the <img> names the photo.
    const photo = line.locator('.photo-thumbs__item img[src^="/api/photos/"]')
    await photo.waitFor({ state: 'attached' })
    await eventually(() => photo.getAttribute('src'), (value) => expect(value).toMatch(/^\/api\/photos\/[a-f0-9-]{36}\.jpg$/))
    // The photo the <img> names is really served by the gateway as a JPEG.
    const served = await journey.page.request.get(`${journey.gateway.baseUrl}${await photo.getAttribute('src')}`)
    expect(served.status()).toBe(200)
    expect(served.headers()['content-type']).toBe('image/jpeg')
    // A real photo this time, so the thumbnail has really loaded.
    const width = await photo.evaluate(
      (img: HTMLImageElement) => (img.complete ? img.naturalWidth : new Promise<number>((done) => (img.onload = () => done(img.naturalWidth)))),
    )
    expect(width).toBeGreaterThan(0)
    await saveScreenshot(journey.page, 'villager-02-ledger')
  })

  it('张建国 appeals the deduction and sees 待处理', async () => {
    const line = ledgerLine(journey.page, RULE_TITLE)
    await line.getByText('申诉', { exact: true }).click()
    await visibleText(journey.page, '对这笔扣分申诉').waitFor()

    // Too short first: the form says so and sends nothing.
    await journey.page.locator('.appeal__reason textarea').filter({ visible: true }).fill('错')
    await visibleText(journey.page, '提交申诉').click()
    await visibleText(journey.page, '请写明理由，至少 2 个字').waitFor()

    await journey.page.locator('.appeal__reason textarea').filter({ visible: true }).fill('那堆是刚运来的建房材料，第二天就搬走了')
    await visibleText(journey.page, '提交申诉').click()
    await visibleText(journey.page, '申诉已提交').waitFor()
    await eventually(() => journey.page.locator('.appeal__done .status-tag').filter({ visible: true }).innerText(), (value) => expect(value).toBe('待处理'))
    await saveScreenshot(journey.page, 'villager-03-appeal-filed')

    await visibleText(journey.page, '返回积分明细').click()
    const back = ledgerLine(journey.page, RULE_TITLE)
    await back.locator('.ledger-line__appeal').getByText('待处理', { exact: true }).waitFor()
    await eventually(() => back.getByText('申诉', { exact: true }).count(), (value) => expect(value).toBe(0))
    await saveScreenshot(journey.page, 'villager-04-ledger-appealed')
  })

  it('张建国 opens 村排行 and finds 张** highlighted, first, with his rank, above 红榜 and 黑榜 (not all 32 households)', async () => {
    const ranking = dataOf(
      await callAs<Ranking>(journey.gateway.baseUrl, 'demo-villager', 'score', { action: 'ranking', orgId: 'v-zjq', period: periodsOf(new Date()).month }),
    )
    const mine = ranking.mine
    expect(mine).toMatchObject({ householdId: 'h-zjq-01', maskedName: '张**', points: -5 })
    // A page, not the village: the first and the last ten of its 32 households.
    expect([ranking.households, ranking.top.length, ranking.bottom.length, ranking.all]).toEqual([32, 10, 10, null])
    const listed = [...ranking.top, ...ranking.bottom]

    await visibleText(journey.page, '排行').click() // the tab bar
    await visibleText(journey.page, `我家排第 ${mine!.rank} 名`).waitFor()
    const mineCard = journey.page.locator('.ranking__mine').filter({ visible: true })
    await eventually(() => mineCard.locator('.ranking-row--mine .ranking-row__name').innerText(), (value) => expect(value).toBe('张**（我家）'))
    // The own row comes first on the screen, above 红榜 and 黑榜, and is highlighted there too when it is on one.
    const firstRow = journey.page.locator('.ranking-row').filter({ visible: true }).first()
    await eventually(() => firstRow.getAttribute('class'), (value) => expect(value).toContain('ranking-row--mine'))
    await visibleText(journey.page, '红榜 · 前 10 名').waitFor()
    await visibleText(journey.page, '黑榜 · 后 10 名').waitFor()
    await eventually(() => journey.page.locator('.ranking__list .ranking-row--mine').filter({ visible: true }).count(), (value) =>
      expect(value).toBe(listed.filter((row) => row.mine).length),
    )
    await eventually(() => journey.page.locator('.ranking__list .ranking-row').filter({ visible: true }).count(), (value) => expect(value).toBe(listed.length))
    await saveScreenshot(journey.page, 'villager-05-ranking-month')

    await visibleText(journey.page, '今年').click()
    await journey.page.getByText(/^赵家桥村 \d{4} 年积分排行/).filter({ visible: true }).first().waitFor()
    await eventually(() => journey.page.locator('.ranking__mine .ranking-row__name').filter({ visible: true }).innerText(), (value) => expect(value).toBe('张**（我家）'))
  })

  it('张建国 turns on 长辈模式 on 我的; every journey.page gets larger type and fewer items, and he turns it off again', async () => {
    await visibleText(journey.page, '我的').click() // the tab bar
    await visibleText(journey.page, '打开长辈模式').click()
    await visibleText(journey.page, '现在：已打开').waitFor()
    await eventually(() => journey.page.locator('body').getAttribute('class'), (value) => expect(value).toContain('elder'))
    const me = dataOf(await callAs<WhoAmI>(journey.gateway.baseUrl, 'demo-villager', 'account', { action: 'whoami' }))
    expect(me.registered && me.elderMode).toBe(true)
    await saveScreenshot(journey.page, 'villager-06-elder-mine')

    // 首页 in 长辈模式 leads with 出示积分卡; the card's lines and number code grow with it.
    await visibleText(journey.page, '首页').click() // the tab bar
    await visibleText(journey.page, '出示积分卡').waitFor()
    await saveScreenshot(await settled(journey.page), 'villager-06a-elder-home', { fullPage: false })
    await visibleText(journey.page, '出示积分卡').click()
    await journey.page.locator('.card-qr__image--png[style*="data:image/png"]').filter({ visible: true }).waitFor()
    await eventually(() => journey.page.locator('.card-page__code-text').filter({ visible: true }).innerText(), (value) => expect(value).toMatch(/\d{4} \d{3} \d{3}/))
    await saveScreenshot(await settled(journey.page), 'villager-06b-elder-card')
    await journey.page.locator('#taro-navigation-bar .taro-navigation-bar-back').filter({ visible: true }).click()

    await visibleText(journey.page, '排行').click()
    await visibleText(journey.page, '本月').click()
    // The month's list, loaded (the year's list shown before the tap has the same button).
    const month = Number(periodsOf(new Date()).month.slice(5))
    await visibleText(journey.page, `赵家桥村 ${month} 月积分排行 · 共 32 户`).waitFor()
    const list = journey.page.locator('.ranking__list .ranking-row').filter({ visible: true })
    await eventually(() => list.count(), (value) => expect(value).toBe(20))
    await saveScreenshot(journey.page, 'villager-07-elder-ranking')

    await visibleText(journey.page, '我的').click()
    await visibleText(journey.page, '关闭长辈模式').click()
    await visibleText(journey.page, '现在：没打开').waitFor()
    await eventually(() => journey.page.locator('body').getAttribute('class'), (value) => expect(value).not.toContain('elder'))
  })

  it('张建国 claims 参加村里志愿服务活动 with a photo and sees 待审核 in 我的申报和申诉', async () => {
    const jpeg = await drawJpeg(journey.page, '#2e7d32')
    await visibleText(journey.page, '首页').click()
    await visibleText(journey.page, '我要申报').click()
    await visibleText(journey.page, '1. 申报哪一项').waitFor()
    await visibleText(journey.page, '参加村里志愿服务活动').click()
    // Nothing picked yet: the form says what is missing.
    await visibleText(journey.page, '下一步：核对').click()
    await visibleText(journey.page, '请至少拍一张照片作为凭证').waitFor()

    await pickPhoto(journey.page, '拍照或选照片', jpeg, 'duty.jpg')
    await visibleText(journey.page, '已有 1 张，最多 3 张').waitFor()
    await journey.page.locator('.claim__note textarea').filter({ visible: true }).fill('11月村口垃圾分类宣传值守')
    await visibleText(journey.page, '下一步：核对').click()
    await visibleText(journey.page, '请核对后提交').waitFor()
    await saveScreenshot(journey.page, 'villager-08-claim-confirm')
    await visibleText(journey.page, '确认提交').click()
    await visibleText(journey.page, '申报已提交').waitFor()
    await eventually(() => journey.page.locator('.claim__done .status-tag').filter({ visible: true }).innerText(), (value) => expect(value).toBe('待审核'))

    await visibleText(journey.page, '查看我的申报和申诉').click()
    await visibleText(journey.page, '我的申报（1）').waitFor()
    const claimCard = journey.page.locator('.request-item').filter({ visible: true }).filter({ hasText: '参加村里志愿服务活动' }).first()
    await eventually(() => claimCard.locator('.status-tag').innerText(), (value) => expect(value).toBe('待审核'))
    await eventually(() => claimCard.locator('.photo-thumbs__item img').count(), (value) => expect(value).toBe(1))
    await claimCard.locator('.photo-thumbs__item img[src^="/api/photos/"]').waitFor({ state: 'attached' })
    const appealCard = journey.page.locator('.request-item').filter({ visible: true }).filter({ hasText: RULE_TITLE }).first()
    await eventually(() => appealCard.locator('.status-tag').innerText(), (value) => expect(value).toBe('待处理'))
    await journey.page.waitForTimeout(400) // let the journey.page's slide-in finish before the picture
    await saveScreenshot(journey.page, 'villager-09-requests')

    const mine = dataOf(await callAs<MyRequests>(journey.gateway.baseUrl, 'demo-villager', 'score', { action: 'myRequests' }))
    expect(mine.claims).toEqual([expect.objectContaining({ status: 'pending', note: '11月村口垃圾分类宣传值守', photos: [expect.stringMatching(/^local:\/\/.+\.jpg$/)] })])
  })

  it('when cadre 陈明华 overturns the appeal, 张建国 sees 已撤销扣分, the deduction (已冲销) and the reversal naming it', async () => {
    const pending = dataOf(await callAs<PendingWork>(journey.gateway.baseUrl, 'demo-cadre', 'score', { action: 'pending', orgId: 'v-zjq' }))
    const appeal = pending.appeals.find((a) => a.householdId === 'h-zjq-01')
    if (!appeal) throw new Error('the appeal should wait for the cadre')
    const decided = dataOf(
      await callAs<AppealView>(journey.gateway.baseUrl, 'demo-cadre', 'score', {
        action: 'decideAppeal',
        requestId: `e2e-overturn-${Date.now().toString(36)}`,
        appealId: appeal.id,
        overturn: true,
        note: '核实是建房材料，已撤销',
      }),
    )
    expect(decided.status).toBe('overturned')

    await journey.page.goBack() // 我的申报和申诉 → 首页 (the claim journey.page was replaced)
    await visibleText(journey.page, '明细').click()
    const deduction = journey.page.locator('.ledger-line--reversed').filter({ visible: true }).filter({ hasText: RULE_TITLE }).first()
    await deduction.locator('.ledger-line__appeal').getByText('已撤销扣分', { exact: true }).waitFor()
    await eventually(() => deduction.locator('.ledger-line__reversed').innerText(), (value) => expect(value).toBe('(已冲销)'))
    const reversal = journey.page.locator('.ledger-line').filter({ visible: true }).first()
    await eventually(() => reversal.locator('.ledger-line__kind').innerText(), (value) => expect(value).toBe('更正冲销'))
    await eventually(() => reversal.locator('.ledger-line__points-value').innerText(), (value) => expect(value).toBe('+5'))
    await eventually(() => reversal.locator('.ledger-line__scorer').innerText(), (value) => expect(value).toBe('更正人：陈明华'))
    await eventually(() => reversal.locator('.ledger-line__reverses').innerText(), (value) => expect(value).toMatch(
      new RegExp(`^更正 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} “${RULE_TITLE}” −5 分（编号 \\d+）$`),
    ))
    await eventually(() => journey.page.locator('.ledger__balance').filter({ visible: true }).innerText(), (value) => expect(value).toMatch(
      new RegExp(`^\\s*${balanceBefore}\\s*分\\s*$`),
    ))
    await saveScreenshot(journey.page, 'villager-10-ledger-reversed')
  })

  it('张建国 reads 积分细则 from 首页: every published rule, with its tags', async () => {
    const published = dataOf(await callAs<RuleSetView>(journey.gateway.baseUrl, 'demo-villager', 'score', { action: 'rules' }))
    await journey.page.goto(`${journey.gateway.baseUrl}/#/pages/home/index`)
    await visibleText(journey.page, '张建国 家').waitFor()
    await visibleText(journey.page, '积分细则').click()
    await visibleText(journey.page, published.name).waitFor()
    await eventually(() => journey.page.locator('.rule-item').filter({ visible: true }).count(), (value) => expect(value).toBe(published.rules.length))
    const clutter = published.rules.find((rule) => rule.title === RULE_TITLE)!
    const item = journey.page.locator('.rule-item').filter({ visible: true }).filter({ has: journey.page.getByText(RULE_TITLE, { exact: true }) })
    for (const tag of ruleTags(clutter)) await eventually(() => item.innerText(), (value) => expect(value).toContain(tag))
    // 「整改后可返还」 is explained in everyday words by a tap.
    await visibleText(journey.page, '什么是「整改返还」？').click()
    await visibleText(journey.page, PLAIN_WORDS.整改返还).waitFor()
    await visibleText(journey.page, '收起「整改返还」的解释').click()
    await saveScreenshot(await settled(journey.page), 'villager-11-rules')
  })

  it('张建国 shows his point card: the QR and the number code under it, with his balance', async () => {
    const card = dataOf(await callAs<MyCard>(journey.gateway.baseUrl, 'demo-villager', 'card', { action: 'myCard' }))
    await journey.page.goto(`${journey.gateway.baseUrl}/#/pages/home/index`)
    await visibleText(journey.page, '出示积分卡').click()
    await visibleText(journey.page, '请店员扫这个码').waitFor()
    await journey.page.locator('.card-qr__image--png[style*="data:image/png"]').filter({ visible: true }).waitFor()
    await eventually(() => journey.page.locator('.card-page__balance-value').filter({ visible: true }).innerText(), (value) => expect(value).toBe(`${card.balance} 分`))
    await eventually(() => journey.page.locator('.card-page__code-text').filter({ visible: true }).innerText(), (value) => expect(value).toMatch(/^\s*\d{4} \d{3} \d{3}\s*$/))
    await saveScreenshot(await settled(journey.page), 'villager-12-card')
  })

  it('张建国 opens 整改通报 and sees his village’s group channels with their counts', async () => {
    const channels = dataOf(await callAs<NoticeOutputs['channels']>(journey.gateway.baseUrl, 'demo-villager', 'notice', { action: 'channels' }))
    expect(channels.length).toBeGreaterThan(0)
    await journey.page.goto(`${journey.gateway.baseUrl}/#/pages/home/index`)
    await visibleText(journey.page, '整改通报').click()
    await visibleText(journey.page, '本村各组的通报').waitFor()
    const rows = journey.page.locator('.notices__channel').filter({ visible: true })
    await rows.first().waitFor()
    await eventually(() => rows.count(), (value) => expect(value).toBe(channels.length))
    for (const channel of channels) {
      await eventually(
        () => rows.filter({ has: journey.page.getByText(channel.name, { exact: true }) }).first().innerText(),
        (text) => expect(text).toMatch(new RegExp(`待整改 ${channel.open}[\\s\\S]*逾期 ${channel.overdue}[\\s\\S]*已整改 ${channel.rectified}`)),
      )
    }
    await saveScreenshot(await settled(journey.page), 'villager-13-notices')
  })

  it('once 徐美芳 has published the 赵家桥村 dividend, 张建国 sees his line in 我家的分红', async () => {
    // Arrange through the API (the accountant's journey does it through the pages).
    const run = await publishDividendAs(
      journey.gateway.baseUrl,
      { orgId: 'v-zjq', year: THIS_YEAR, totalFen: 56_160_000, incentiveRatio: '1/6' },
      'e2e-villager-dividend',
    )
    expect(run.status).toBe('published')
    const [year] = dataOf(await callAs<MyDividends>(journey.gateway.baseUrl, 'demo-villager', 'dividend', { action: 'mine' })).years
    expect(year.line.householdId).toBe('h-zjq-01')

    await becomeDemoUser(journey.page, journey.gateway.baseUrl, '村民 张建国（赵家桥村1组）')
    await visibleText(journey.page, '我家的分红').click()
    await visibleText(journey.page, `${THIS_YEAR}年度 张建国 家分红`).waitFor()
    await eventually(() => journey.page.locator('.my-dividend__total').filter({ visible: true }).first().innerText(), (value) => expect(value).toMatch(
      new RegExp(`^\\s*${formatYuan(year.line.totalFen)}\\s*元\\s*$`),
    ))
    for (const words of [year.explanation.basic, year.explanation.incentive, year.explanation.total]) await visibleText(journey.page, words).waitFor()
    await saveScreenshot(await settled(journey.page), 'villager-14-dividend')
  })
})
