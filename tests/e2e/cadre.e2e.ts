import type { Page } from 'playwright-core'
import type { WhoAmI } from '../../src/core/contracts/account'
import type { NoticeOutputs } from '../../src/core/contracts/notice'
import type { AppealView, LedgerPage, MyRequests, PendingWork, RuleSetView, ScoreRecordView, SubmitResult } from '../../src/core/contracts/score'
import { periodsOf } from '../../src/core/period'
import { eventually } from './support/eventually'
import { callAs, dataOf } from './support/api'
import { saveScreenshot } from './support/browser'
import { describeInBrowser, startJourney } from './support/journey'
import { drawJpeg, pickPhoto, uploadPhoto } from './support/photos'
import { becomeDemoUser, settled, switchDemoIdentity, visibleText, workButton } from './support/ui'

jest.setTimeout(240_000)

const RULE_TITLE = '房前屋后乱堆乱放'
const GRID_LEADER = '微网格长 王卫东（第一网格1号微网格）'
const ZHANG = '村民 张建国（赵家桥村1组）'
const LI = '村民 李秀英（赵家桥村1组）'
const CADRE = '村干部 陈明华（赵家桥村）'
const OTHER_CADRE = '村干部 沈国强（通界村）'

function visibleCards(page: Page, selector: string, text: string) {
  return page.locator(selector).filter({ visible: true }).filter({ hasText: text })
}

/**
 * Journey (issue 4): grid leader 王卫东 deducts 张建国 (h-zjq-01) under “房前屋后乱堆乱放” with a photo;
 * neighbour 李秀英 sees the notice in 1组's channel as “1组 张**”; 张建国 opens it from 我的消息 and
 * submits proof with a photo (待核验); cadre 陈明华 posts it in a 通报 (card page, poster), a
 * group opens the card, a cadre of another village sees nothing; 陈明华 verifies (通过); 张建国's
 * balance is back and the channel shows 已整改. Then, in 待我审核, 陈明华 approves 张建国's claim
 * (made through the API with an uploaded photo) and upholds 李秀英's appeal against a deduction.
 */
describeInBrowser('cadre journey: rectification notice from deduction to points given back, then claims and appeals (H5 demo mode)', () => {
  const journey = startJourney()
  let balanceBefore: number
  let bulletinId: number

  it('grid leader 王卫东 deducts 张建国 with a photo through 入户评分, which opens a notice', async () => {
    const me = dataOf(await callAs<WhoAmI>(journey.gateway.baseUrl, 'demo-villager', 'account', { action: 'whoami' }))
    if (!me.registered || !me.household) throw new Error('demo-villager should be a household member')
    balanceBefore = me.household.balance

    await journey.page.goto(`${journey.gateway.baseUrl}/`)
    await switchDemoIdentity(journey.page, GRID_LEADER)
    await visibleText(journey.page, '入户评分').click()
    await visibleText(journey.page, '第一网格1号微网格 共 8 户').waitFor()
    await visibleText(journey.page, '张建国').click()
    await visibleText(journey.page, '已选 1 户').waitFor()
    await visibleText(journey.page, '下一步：选细则').click()
    await visibleText(journey.page, RULE_TITLE).click()
    await pickPhoto(journey.page, '拍照或选照片', await drawJpeg(journey.page, '#8a6d3b'))
    await journey.page.locator('.photo-picker__photo').filter({ visible: true }).first().waitFor()
    await journey.page.locator('.inspect__note textarea').filter({ visible: true }).fill('门口堆放杂物')
    await visibleText(journey.page, '下一步：核对').click()
    await visibleText(journey.page, '确认提交（1 户）').click()
    await visibleText(journey.page, '评分完成').waitFor()

    const mine = dataOf(await callAs<NoticeOutputs['mine']>(journey.gateway.baseUrl, 'demo-villager', 'notice', { action: 'mine' }))
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ statusLabel: '待整改', points: 5, rule: { title: RULE_TITLE }, masked: false })
  })

  it('neighbour 李秀英 sees it in 1组’s channel, masked as “1组 张**”', async () => {
    await becomeDemoUser(journey.page, journey.gateway.baseUrl, LI)
    await visibleText(journey.page, '整改通报').click()
    const group = visibleCards(journey.page, '.notices__channel', '1组').first()
    await eventually(() => group.innerText(), (value) => expect(value).toContain('待整改 1'))
    await saveScreenshot(await settled(journey.page), 'rectification-01-channels')
    await group.click()
    const card = visibleCards(journey.page, '.notice-card', '1组 张**').first()
    await card.waitFor()
    await eventually(
      () => card.innerText(),
      (text) => {
        expect(text).toContain('待整改')
        expect(text).toContain(`细则：${RULE_TITLE}（扣 5 分）`)
        expect(text).toContain('整改期限：')
        expect(text).not.toContain('张建国')
      },
    )
    await eventually(() => card.locator('.photo-thumbs__item').count(), (value) => expect(value).toBe(1))
    await saveScreenshot(await settled(journey.page), 'rectification-02-channel-masked')
  })

  it('张建国 opens it from 我的消息 and submits proof with a photo: 待核验', async () => {
    await becomeDemoUser(journey.page, journey.gateway.baseUrl, ZHANG)
    await visibleText(journey.page, '我的消息（1 条未读）').click()
    await visibleText(journey.page, '● 您家有一条整改通报').click()
    await visibleText(journey.page, '1组01号 张建国').waitFor()
    await visibleText(journey.page, '提交整改').waitFor()
    await visibleText(journey.page, '觉得扣分不对？申诉').waitFor()
    await pickPhoto(journey.page, '拍照或选照片', await drawJpeg(journey.page, '#3b8a4d'))
    await journey.page.locator('.photo-picker__photo').filter({ visible: true }).first().waitFor()
    await journey.page.locator('.notices__note textarea').filter({ visible: true }).fill('杂物已经清走了')
    await saveScreenshot(await settled(journey.page), 'rectification-03-proof-form')
    await visibleText(journey.page, '下一步：核对').click()
    await visibleText(journey.page, '确认提交整改').click()
    await visibleText(journey.page, '已提交整改，等村里核验').waitFor()
    await visibleText(journey.page, '待核验').waitFor()
    await saveScreenshot(await settled(journey.page), 'rectification-04-proof-submitted')
  })

  it('cadre 陈明华 posts the 通报; opened from a village group it shows, a cadre of another village sees nothing', async () => {
    // The living demo has other households' notices not yet posted: all are ticked at first, his among them.
    const candidates = dataOf(await callAs<NoticeOutputs['candidates']>(journey.gateway.baseUrl, 'demo-cadre', 'notice', { action: 'candidates', orgId: 'v-zjq' }))
    expect(candidates.map((n) => n.householdLabel)).toContain('1组01号 张建国')
    await becomeDemoUser(journey.page, journey.gateway.baseUrl, CADRE)
    await visibleText(journey.page, '发布整改通报').click()
    await visibleText(journey.page, `下一步：核对（已选 ${candidates.length} 户）`).click()
    await visibleText(journey.page, `确认发布（${candidates.length} 户）`).click()
    await journey.page.waitForURL(/pages\/notices\/bulletin\?id=\d+/)
    bulletinId = Number(/id=(\d+)/.exec(journey.page.url())![1])
    await visibleText(journey.page, '复制链接').waitFor()
    await eventually(() => journey.page.locator('.notices__bulletin-title').filter({ visible: true }).innerText(), (value) => expect(value).toContain('赵家桥村'))
    await visibleText(journey.page, '生成海报图片').click()
    const poster = journey.page.locator('.bulletin-poster__image img').filter({ visible: true })
    await poster.waitFor()
    await eventually(() => poster.getAttribute('src'), (value) => expect(value).toMatch(/^data:image\/png;base64,/))
    await saveScreenshot(await settled(journey.page), 'rectification-05-bulletin-poster')

    // The card opened from a WeChat group (H5 demo: the group ticket as a router param), as 李秀英.
    await becomeDemoUser(journey.page, journey.gateway.baseUrl, LI)
    await journey.page.goto(`${journey.gateway.baseUrl}/#/pages/notices/bulletin?id=${bulletinId}&group=local-group:zjq-1zu`)
    await visibleCards(journey.page, '.notice-card', '1组 张**').first().waitFor()
    await saveScreenshot(await settled(journey.page), 'rectification-06-bulletin-from-group')

    // A cadre of 通界村 opens the same card from the same (now 赵家桥村's) group: nothing private.
    await becomeDemoUser(journey.page, journey.gateway.baseUrl, OTHER_CADRE)
    await journey.page.goto(`${journey.gateway.baseUrl}/#/pages/notices/bulletin?id=${bulletinId}&group=local-group:zjq-1zu`)
    await visibleText(journey.page, '看不了这期通报').waitFor()
    expect(await journey.page.locator('.notice-card').filter({ visible: true }).count()).toBe(0)
    await saveScreenshot(await settled(journey.page), 'rectification-07-bulletin-outsider')
  })

  it('cadre 陈明华 verifies the proof: 通过', async () => {
    await becomeDemoUser(journey.page, journey.gateway.baseUrl, CADRE)
    const waiting = dataOf(await callAs<NoticeOutputs['awaitingCheck']>(journey.gateway.baseUrl, 'demo-cadre', 'notice', { action: 'awaitingCheck', orgId: 'v-zjq' }))
    await workButton(journey.page, '整改核验').click()
    await visibleText(journey.page, `待核验（${waiting.toVerify.length}）`).waitFor()
    const card = visibleCards(journey.page, '.notice-card', '1组01号 张建国').first()
    await eventually(() => card.innerText(), (value) => expect(value).toContain('说明：杂物已经清走了'))
    await eventually(() => card.locator('.notice-verify__proof .photo-thumbs__item').count(), (value) => expect(value).toBe(1))
    await saveScreenshot(await settled(journey.page), 'rectification-08-verify')
    await card.getByText('通过', { exact: true }).click()
    await visibleText(journey.page, '确定通过').click()
    await visibleText(journey.page, '已通过，积分已返还').waitFor()
  })

  it('张建国’s balance is back and the channel shows 已整改', async () => {
    await becomeDemoUser(journey.page, journey.gateway.baseUrl, ZHANG)
    await eventually(() => journey.page.locator('.household-card__points-value').filter({ visible: true }).innerText(), (value) => expect(value).toMatch(
      new RegExp(`^\\s*${balanceBefore}\\s*分\\s*$`),
    ))
    await saveScreenshot(journey.page, 'rectification-09-home-balance-back')
    await visibleText(journey.page, '整改通报').click()
    await visibleCards(journey.page, '.notices__channel', '1组').first().click()
    const card = visibleCards(journey.page, '.notice-card', '1组01号 张建国').first()
    await eventually(() => card.innerText(), (value) => expect(value).toMatch(/已整改 · 用时/))
    await saveScreenshot(await settled(journey.page), 'rectification-10-channel-rectified')
    const ledger = dataOf(await callAs<{ balance: number }>(journey.gateway.baseUrl, 'demo-villager', 'score', { action: 'ledger' }))
    expect(ledger.balance).toBe(balanceBefore)

    // 长辈模式: the same notice in larger type.
    await journey.page.goto(`${journey.gateway.baseUrl}/#/pages/mine/index`)
    await visibleText(journey.page, '打开长辈模式').click()
    await visibleText(journey.page, '现在：已打开').waitFor()
    await journey.page.goto(`${journey.gateway.baseUrl}/#/pages/notices/channel?orgId=g-zjq-1`)
    await visibleCards(journey.page, '.notice-card', '已整改').first().waitFor()
    await journey.page.locator('.notices.elder').filter({ visible: true }).first().waitFor()
    await saveScreenshot(await settled(journey.page), 'rectification-12-channel-elder')
    await journey.page.goto(`${journey.gateway.baseUrl}/#/pages/mine/index`)
    await visibleText(journey.page, '关闭长辈模式').click()
    await visibleText(journey.page, '现在：没打开').waitFor()
  })

  it('cadre 陈明华 reads 整改统计: the month’s notices, his among the rectified', async () => {
    const stats = dataOf(
      await callAs<NoticeOutputs['stats']>(journey.gateway.baseUrl, 'demo-cadre', 'notice', { action: 'stats', orgId: 'v-zjq', period: periodsOf(new Date()).month }),
    )
    expect(stats.rectified).toBeGreaterThanOrEqual(1)
    await becomeDemoUser(journey.page, journey.gateway.baseUrl, CADRE)
    await visibleText(journey.page, '整改统计').click()
    const village = journey.page.locator('.notice-stats__card--main').filter({ visible: true })
    await village.waitFor()
    await eventually(
      () => village.innerText(),
      (text) => {
        expect(text).toMatch(new RegExp(`通报\\s*${stats.opened} 户次`))
        expect(text).toMatch(new RegExp(`整改率\\s*${Math.round(stats.rectificationRate! * 100)}%`))
      },
    )
    await saveScreenshot(await settled(journey.page), 'rectification-11-stats')
  })

  it('cadre 陈明华 approves 张建国’s claim and upholds 李秀英’s appeal in 待我审核', async () => {
    const { baseUrl } = journey.gateway
    const rules = dataOf(await callAs<RuleSetView>(baseUrl, 'demo-cadre', 'score', { action: 'rules', orgId: 'v-zjq' }))
    const ruleId = (title: string) => rules.rules.find((r) => r.title === title)!.id
    // Arrange: 张建国 claims a volunteer duty with a photo; 王卫东 deducts 李秀英, who appeals.
    const photo = await uploadPhoto(baseUrl, 'demo-villager', await drawJpeg(journey.page, '#2e7d32'))
    const claim = dataOf(
      await callAs<ScoreRecordView>(baseUrl, 'demo-villager', 'score', {
        action: 'claim',
        requestId: 'e2e-cadre-claim-1',
        ruleId: ruleId('参加村里志愿服务活动'),
        note: '村口垃圾分类宣传值守',
        photos: [photo],
      }),
    )
    expect(claim.status).toBe('pending')
    const deducted = dataOf(
      await callAs<SubmitResult>(baseUrl, 'demo-grid-leader', 'score', {
        action: 'submit',
        requestId: 'e2e-cadre-deduct-1',
        householdIds: ['h-zjq-02'],
        ruleId: ruleId('红白喜事大操大办、铺张浪费'),
        note: '酒席超标',
      }),
    )
    expect(deducted.results.every((r) => r.status === 'applied')).toBe(true)
    const hers = dataOf(await callAs<LedgerPage>(baseUrl, 'demo-villager-2', 'score', { action: 'ledger' }))
    dataOf(
      await callAs<AppealView>(baseUrl, 'demo-villager-2', 'score', {
        action: 'appeal',
        requestId: 'e2e-cadre-appeal-1',
        entryId: hers.lines[0].id,
        reason: '是孙子满月酒，只请了亲戚',
      }),
    )
    const zhangBefore = dataOf(await callAs<LedgerPage>(baseUrl, 'demo-villager', 'score', { action: 'ledger' })).balance
    // The living demo's own claims and appeal wait beside these two.
    const waiting = dataOf(await callAs<PendingWork>(baseUrl, 'demo-cadre', 'score', { action: 'pending', orgId: 'v-zjq' }))

    await becomeDemoUser(journey.page, baseUrl, CADRE)
    await workButton(journey.page, '待我审核').click()
    await visibleText(journey.page, `待审核的评分和申报（${waiting.records.length}）`).waitFor()
    await visibleText(journey.page, `待处理的申诉（${waiting.appeals.length}）`).waitFor()
    const claimCard = visibleCards(journey.page, '.record-card', '【村民申报】参加村里志愿服务活动').first()
    await eventually(() => claimCard.innerText(), (value) => expect(value).toContain('张建国'))
    await eventually(() => claimCard.innerText(), (value) => expect(value).toContain('说明：村口垃圾分类宣传值守'))
    const appealCard = visibleCards(journey.page, '.card', '李秀英 申诉').first()
    await eventually(() => appealCard.innerText(), (value) => expect(value).toContain('申诉理由：是孙子满月酒，只请了亲戚'))
    await saveScreenshot(await settled(journey.page), 'cadre-01-review')

    await claimCard.getByText('通过', { exact: true }).click()
    await claimCard.locator('textarea').fill('照片清楚，属实')
    await claimCard.getByText('确定通过', { exact: true }).click()
    await claimCard.getByText('已通过，积分已记入', { exact: true }).waitFor()

    await appealCard.getByText('维持扣分', { exact: true }).click()
    await appealCard.locator('textarea').fill('酒席桌数超过村规民约')
    await appealCard.getByText('确定维持扣分', { exact: true }).click()
    await appealCard.getByText('已处理：维持扣分', { exact: true }).waitFor()
    await saveScreenshot(journey.page, 'cadre-02-decided')

    // The claim's points are in 张建国's ledger; 李秀英's appeal is answered and her deduction stands.
    const zhang = dataOf(await callAs<LedgerPage>(baseUrl, 'demo-villager', 'score', { action: 'ledger' }))
    expect(zhang.balance).toBe(zhangBefore + 2)
    expect(zhang.lines[0]).toMatchObject({ points: 2, rule: { title: '参加村里志愿服务活动' } })
    const li = dataOf(await callAs<MyRequests>(baseUrl, 'demo-villager-2', 'score', { action: 'myRequests' }))
    expect(li.appeals).toEqual([expect.objectContaining({ status: 'upheld', decisionNote: '酒席桌数超过村规民约' })])
    expect(dataOf(await callAs<LedgerPage>(baseUrl, 'demo-villager-2', 'score', { action: 'ledger' })).balance).toBe(hers.balance)

    await visibleText(journey.page, '刷新').click()
    await visibleText(journey.page, `待审核的评分和申报（${waiting.records.length - 1}）`).waitFor()
    await visibleText(journey.page, `待处理的申诉（${waiting.appeals.length - 1}）`).waitFor()
    await saveScreenshot(journey.page, 'cadre-03-review-done')
  })
})
