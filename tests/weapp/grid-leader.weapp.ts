import type { LedgerPage } from '../../src/core/contracts/score'
import type { NoticeOutputs } from '../../src/core/contracts/notice'
import { weappJourney } from './support/journey'
import { TINY_JPEG } from './support/photos'

jest.setTimeout(120_000)

const RULE_TITLE = '房前屋后乱堆乱放'

/**
 * Grid leader 王卫东 walks his micro-grid in the weapp build: one walk scores 张建国 and 李秀英 with a
 * deduction under a restorable rule, with a photo taken on the phone and a note; each household's
 * ledger holds the entry, and each gets a rectification notice in its group's channel.
 */
describe('grid leader in the mini-program: one walk, several households, a deduction opens notices', () => {
  const journey = weappJourney()

  it('王卫东 ticks two households, picks the rule, takes a photo, confirms, and sees both scored', async () => {
    const before = await Promise.all(['demo-villager', 'demo-villager-2'].map((openid) => journey.callAs<LedgerPage>(openid, 'score', { action: 'ledger' })))
    const phone = await journey.openPhone('demo-grid-leader')
    expect(phone.screenText()).toContain('微网格长 · 第一网格1号微网格')

    await phone.tap('入户评分')
    expect(phone.page.route).toBe('work/inspect/index')
    expect(phone.screenText()).toContain('第一网格1号微网格 共 8 户')
    await phone.tap('张建国')
    await phone.tap('李秀英')
    expect(phone.screenText()).toContain('已选 2 户')
    await phone.tap('下一步：选细则')
    await phone.tap(RULE_TITLE)
    // The rule needs a photo: without one the next step is not offered.
    expect(phone.screenText()).toContain('这条细则必须拍照留证，请先拍一张照片。')
    phone.device.pickPhotos(TINY_JPEG)
    await phone.tap('拍照或选照片')
    await phone.answerPrivacy('agree')
    expect(phone.screenText()).toContain('已有 1 张，最多 9 张')
    await phone.fill('例如：门口堆了建筑垃圾', '门口堆放杂物')
    await phone.tap('下一步：核对')
    expect(phone.screenText()).toMatch(/农户（2 户）张建国.*李秀英/)
    await phone.tap('确认提交（2 户）')

    const screen = phone.screenText()
    expect(screen).toContain('评分完成已提交 2 户')
    expect(screen).toContain(`张建国已记分现在 ${before[0].balance - 5} 分`)
    expect(screen).toContain(`李秀英已记分现在 ${before[1].balance - 5} 分`)

    // The photo went to cloud storage from the phone; the ledger names it.
    const [fileId] = [...journey.world.cloudFiles.keys()]
    expect(journey.world.cloudFiles.get(fileId)).toEqual(TINY_JPEG)
    for (const [openid, was] of [['demo-villager', before[0]], ['demo-villager-2', before[1]]] as const) {
      const ledger = await journey.callAs<LedgerPage>(openid, 'score', { action: 'ledger' })
      expect(ledger.balance).toBe(was.balance - 5)
      expect(ledger.lines[0]).toMatchObject({ points: -5, rule: { title: RULE_TITLE }, scorer: { name: '王卫东' }, note: '门口堆放杂物', photos: [fileId] })
    }
  })

  it('each deduction opened a rectification notice the household sees as its own', async () => {
    for (const openid of ['demo-villager', 'demo-villager-2']) {
      const mine = await journey.callAs<NoticeOutputs['mine']>(openid, 'notice', { action: 'mine' })
      expect(mine.filter((notice) => notice.mine && notice.rule?.title === RULE_TITLE && notice.status === 'open')).toHaveLength(1)
    }
  })
})
