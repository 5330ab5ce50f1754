import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import type { HouseholdList, WhoAmI } from '../../src/core/contracts/account'
import type { DividendPreview } from '../../src/core/contracts/dividend'
import type { LedgerPage, Ranking, RuleSetView, SubmitResult } from '../../src/core/contracts/score'
import { periodsOf } from '../../src/core/period'
import { VILLAGE_TREE_ROWS, xlsxOf } from '../../server/test-support/test-village-tree'
import { callAs, dataOf } from './support/api'
import { launchBrowser, openPhonePage, saveScreenshot } from './support/browser'
import { eventually } from './support/eventually'
import { startGateway, type RunningGateway } from './support/gateway'
import { describeInBrowser } from './support/journey'
import { chooseSheet, downloadTemplate, filledTemplate } from './support/points-sheet'
import { becomeUser as becomeUserOnPage, issueStaffCode as issueStaffCodeOnPage, joinAsStaff as joinAsStaffOnPage, settled, visibleText } from './support/ui'

jest.setTimeout(240_000)

const ROOT = path.resolve(__dirname, '../..')

/**
 * Done-when journey of issue 11, from an EMPTY database: `npm run setup` prints the admin code; the
 * admin binds, creates 赵家桥村 and invites its cadre; the cadre adds a group by hand and the rest of
 * the tree from .xlsx, imports the roster and invites a grid leader; the grid leader scores a
 * household, which binds with its invite and sees the points. No SQL, no demo seed: the gateway runs
 * in demo mode for identities only (X-Dev-OpenId from the browser's storage) with DEMO_SEED=0.
 */
describeInBrowser('putting a street into use from an empty database', () => {
  let dataDir: string
  let gateway: RunningGateway
  let browser: Browser
  let page: Page
  let adminCode = ''

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'shanzhi-street-'))
    const { stdout } = await promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/setup.ts', '--street', '当湖街道'], {
      cwd: ROOT,
      env: { ...withoutDatabaseUrl(), DATA_DIR: dataDir },
    })
    expect(stdout).toContain('已建立街道：当湖街道')
    adminCode = /街道管理员的一次性工作码：(\S{4} \S{4})/.exec(stdout)![1]
    gateway = await startGateway({ dataDir, demoSeed: false })
    browser = await launchBrowser()
    page = await openPhonePage(browser)
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await gateway?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  const becomeUser = (openid: string) => becomeUserOnPage(page, gateway.baseUrl, openid)

  const joinAsStaff = (name: string, code: string) => joinAsStaffOnPage(page, name, code)

  /** 工作人员 → 发工作码: a role on a unit; answers the code the page shows. */
  async function issueStaffCode(roleLabel: string, unitLabel: string, screenshot: string): Promise<string> {
    const code = await issueStaffCodeOnPage(page, roleLabel, unitLabel)
    await saveScreenshot(await settled(page), screenshot)
    return code
  }

  it('the admin binds with the code setup printed and creates the village by hand', async () => {
    await becomeUser('wx-e2e-admin')
    await saveScreenshot(await settled(page), 'street-01-empty-install')
    await joinAsStaff('金伟', adminCode)
    await saveScreenshot(page, 'street-02-admin-bound')
    await visibleText(page, '回首页开始工作').click()
    await visibleText(page, '街道管理员 · 当湖街道').waitFor()
    await visibleText(page, '组织架构').click()
    await visibleText(page, '当湖街道 · 街道 · 0 户').waitFor()
    await page.locator('.choice-chip').filter({ hasText: /^村$/, visible: true }).click()
    await page.locator('.staff__unit-name input').filter({ visible: true }).fill('赵家桥村')
    await visibleText(page, '保存').click()
    await visibleText(page, '已新增：赵家桥村').waitFor()
    await visibleText(page, '赵家桥村 · 村 · 0 户').waitFor()
    await visibleText(page, '当湖街道 · 街道 · 0 户').click()
    await page.locator('.choice-chip').filter({ hasText: /^社区$/, visible: true }).click()
    await page.locator('.staff__unit-name input').filter({ visible: true }).fill('东湖社区')
    await visibleText(page, '保存').click()
    await visibleText(page, '已新增：东湖社区').waitFor()
    await saveScreenshot(await settled(page), 'street-03-village-added')
  })

  let cadreCode = ''
  it('the admin invites a cadre of 赵家桥村, who binds with their own identity', async () => {
    await page.goBack()
    cadreCode = await issueStaffCode('村干部', '赵家桥村（村）', 'street-04-cadre-code')
    await becomeUser('wx-e2e-cadre')
    await joinAsStaff('陈明华', cadreCode)
    await visibleText(page, '回首页开始工作').click()
    await visibleText(page, '村干部 · 赵家桥村').waitFor()
  })

  it('the cadre adds 1组 by hand and the rest of the tree from .xlsx: the preview shows the bad row, the import the rest', async () => {
    await visibleText(page, '组织架构').click()
    await page.locator('.choice-chip').filter({ hasText: /^村民小组$/, visible: true }).click()
    await page.locator('.staff__unit-name input').filter({ visible: true }).fill('1组')
    await visibleText(page, '保存').click()
    await visibleText(page, '已新增：1组').waitFor()

    await visibleText(page, '用 Excel 导入赵家桥村的组织架构').click()
    const chooser = page.waitForEvent('filechooser')
    await visibleText(page, '选择 Excel 文件').click()
    await (await chooser).setFiles({ name: '赵家桥村组织架构.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await xlsxOf([...VILLAGE_TREE_ROWS, ['村民小组', '3组', '']]) })
    await visibleText(page, '有问题的 1 行（不会导入，请改好后再导入一次）：').waitFor()
    await eventually(() => page.locator('.staff__problem').filter({ visible: true }).innerText(), (text) => expect(text).toContain('没有叫“第九网格”的网格'))
    await saveScreenshot(await settled(page), 'street-05-tree-preview')
    await visibleText(page, '确认导入这 6 个').click()
    await visibleText(page, '导入完成：新增 6 个，换网格 0 个，已有 1 个，有问题的 1 行没有导入。').waitFor()
    await page.goBack()
    await visibleText(page, '第一网格1号微网格 · 微网格 · 0 户').waitFor()
    await saveScreenshot(await settled(page), 'street-06-tree')
  })

  let leaderCode = ''
  it('the cadre imports the roster into the new units and invites the grid leader of 第一网格1号微网格', async () => {
    await page.goBack()
    await visibleText(page, '名册与绑定').click()
    const chooser = page.waitForEvent('filechooser')
    await visibleText(page, '选择名册文件').click()
    await (await chooser).setFiles({
      name: '赵家桥村名册.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('户主,村民小组,微网格,门牌,股数,成员\n张建国,1组,第一网格1号微网格,1组01号,4,张建国、张小明\n李秀英,2组,第一网格2号微网格,2组01号,3,\n', 'utf8'),
    })
    await visibleText(page, '确认导入这 2 户').click()
    await visibleText(page, '共 2 户').waitFor()
    await page.goBack()
    leaderCode = await issueStaffCode('微网格长', '第一网格1号微网格（微网格）', 'street-07-leader-code')
  })

  it('the grid leader binds with their own identity and scores 张建国’s household through the gateway', async () => {
    await becomeUser('wx-e2e-leader')
    await joinAsStaff('王卫东', leaderCode)
    await visibleText(page, '回首页开始工作').click()
    await visibleText(page, '微网格长 · 第一网格1号微网格').waitFor()
    await saveScreenshot(await settled(page), 'street-08-leader-home')
    const me = dataOf(await callAs<WhoAmI>(gateway.baseUrl, 'wx-e2e-leader', 'account', { action: 'whoami' }))
    const microGrid = me.registered ? me.roles[0].org.id : ''
    const [zhang] = dataOf(await callAs<HouseholdList>(gateway.baseUrl, 'wx-e2e-leader', 'account', { action: 'households', orgId: microGrid })).households
    expect(zhang.name).toBe('张建国')
    const rules = dataOf(await callAs<RuleSetView>(gateway.baseUrl, 'wx-e2e-leader', 'score', { action: 'rules', orgId: microGrid }))
    const tidy = rules.rules.find((r) => r.title === '房前屋后干净整洁')!
    const scored = dataOf(await callAs<SubmitResult>(gateway.baseUrl, 'wx-e2e-leader', 'score', { action: 'submit', requestId: 'e2e-street-score-1', householdIds: [zhang.id], ruleId: tidy.id }))
    expect(scored.results[0]).toMatchObject({ status: 'applied', balance: 2 })
  })

  it('the household binds with the invite its cadre issues and sees the points', async () => {
    await becomeUser('wx-e2e-cadre')
    await visibleText(page, '名册与绑定').click()
    await page.locator('.roster__household').filter({ hasText: '张建国', visible: true }).first().click()
    // 村社联动 (3.0): the household has moved into 东湖社区; its points stay on 赵家桥村's account.
    await visibleText(page, '住在本村，不在社区').waitFor()
    await page.locator('.choice-chip').filter({ hasText: /^东湖社区$/, visible: true }).click()
    await visibleText(page, '现在住在东湖社区').waitFor()
    await saveScreenshot(await settled(page), 'street-09-residence')
    await visibleText(page, '发一个邀请码').click()
    const code = await page.locator('.roster__code-box .roster__code').filter({ visible: true }).innerText()

    await becomeUser('wx-e2e-zhang')
    await visibleText(page, '绑定我家').click()
    await page.locator('.bind__input input').first().fill('张小明')
    await page.locator('.bind__code-input input').fill(code)
    await visibleText(page, '绑定').click()
    await visibleText(page, '绑定成功').waitFor()
    await visibleText(page, '回首页看积分').click()
    await visibleText(page, '张建国 家').waitFor()
    await eventually(() => page.locator('.household-card__points-value').filter({ visible: true }).innerText(), (text) => expect(text.replace(/\s/g, '')).toBe('2分'))
    await saveScreenshot(await settled(page), 'street-10-household-points')
  })

  it('the village’s paper points: the cadre imports them (three bad rows fixed on the preview), the accountant confirms, the household sees them; the same file again changes nothing', async () => {
    // The admin invites the accountant: one the drafting cadre invited would not count as a second person.
    await becomeUser('wx-e2e-admin')
    const accountantCode = await issueStaffCode('合作社会计', '赵家桥村（村）', 'street-11-accountant-code')
    await becomeUser('wx-e2e-accountant')
    await joinAsStaff('徐美芳', accountantCode)

    await becomeUser('wx-e2e-cadre')
    await visibleText(page, '纸质积分导入').click()
    const template = await downloadTemplate(page)
    const good = { '1组01号': { 结转余额: '120', 人居环境: '30', 上年积分: '80' }, '2组01号': { 结转余额: '40' } }
    const paper = { '1组': { 结转余额: '120', 人居环境: '30', 上年积分: '80' }, '2组': { 结转余额: '40' } }
    const bad = await filledTemplate(template, { '1组01号': { 结转余额: '八十' }, '2组01号': { 结转余额: '40', 户主: '王五' } }, { ...paper, '2组': { 结转余额: '四十' } })
    await chooseSheet(page, '选择填好的表格', bad)
    await eventually(() => page.locator('.points-import__problem').filter({ visible: true }).count(), (n) => expect(n).toBe(3))
    const fixed = await filledTemplate(template, good, paper)
    await chooseSheet(page, '换一个文件', fixed)
    await visibleText(page, '赵家桥村纸质积分.xlsx：能导入 2 户。').waitFor()
    await visibleText(page, '提交这 2 户，请会计确认').click()
    await visibleText(page, '待确认').waitFor()
    await saveScreenshot(await settled(page), 'street-12-points-submitted')

    await becomeUser('wx-e2e-accountant')
    await visibleText(page, '纸质积分导入').click()
    await visibleText(page, '核对无误，确认导入').click()
    await visibleText(page, '已导入 2 户，共 4 笔积分。').waitFor()

    // 张建国: 2 points scored here + 结转余额 120 + 30 this year; this year's points are 2 + 30, not the balance.
    await becomeUser('wx-e2e-zhang')
    await eventually(() => page.locator('.household-card__points-value').filter({ visible: true }).innerText(), (text) => expect(text.replace(/\s/g, '')).toBe('152分'))
    await saveScreenshot(await settled(page), 'street-13-household-carried-points')
    const me = dataOf(await callAs<WhoAmI>(gateway.baseUrl, 'wx-e2e-zhang', 'account', { action: 'whoami' }))
    const village = me.registered && me.household ? me.household.village.id : ''
    const year = Number(periodsOf(new Date()).year)
    const ranking = dataOf(await callAs<Ranking>(gateway.baseUrl, 'wx-e2e-zhang', 'score', { action: 'ranking', orgId: village, period: String(year) }))
    expect(ranking.top.map((r) => [r.maskedName, r.points])).toEqual([['张**', 32], ['李**', 0]])
    const dividend = dataOf(await callAs<DividendPreview>(gateway.baseUrl, 'wx-e2e-accountant', 'dividend', { action: 'preview', orgId: village, year, totalFen: 100_000, incentiveFen: 10_000, method: 'proportional' }))
    expect(dividend.lines.map((l) => l.points).sort()).toEqual([0, 32])

    await becomeUser('wx-e2e-cadre')
    await visibleText(page, '纸质积分导入').click()
    await chooseSheet(page, '选择填好的表格', fixed)
    await eventually(() => page.locator('.points-import__problem').filter({ visible: true }).count(), (n) => expect(n).toBe(2))
    const after = dataOf(await callAs<LedgerPage>(gateway.baseUrl, 'wx-e2e-zhang', 'score', { action: 'ledger' }))
    expect(after.balance).toBe(152)
  })

  it('the admin sees every grant and change in 操作记录', async () => {
    await becomeUser('wx-e2e-admin')
    await visibleText(page, '操作记录').click()
    await visibleText(page, '当湖街道的操作记录').waitFor()
    for (const line of ['部署人员（npm run setup） · 建立街道 · 当湖街道', '金伟 · 新增单位 · 赵家桥村', '陈明华 · 导入组织架构 · 赵家桥村', '王卫东 · 用工作码得到角色 · 第一网格1号微网格', '陈明华 · 起草纸质积分导入 · 赵家桥村', '徐美芳 · 确认纸质积分导入 · 赵家桥村']) {
      await visibleText(page, line).waitFor()
    }
    await saveScreenshot(await settled(page), 'street-14-audit')
  })
})

function withoutDatabaseUrl(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...env } = process.env
  return env
}
