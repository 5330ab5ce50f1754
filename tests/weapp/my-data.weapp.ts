import type { MyData } from '../../src/core/contracts/account'
import { weappJourney } from './support/journey'

jest.setTimeout(120_000)

/**
 * 我的信息 in the weapp build: 李秀英 opens it from 我的, reads what is held about her and her household,
 * takes a copy as a table, cancels 解除绑定 once (nothing changes), then confirms it and is told what stayed.
 */
describe('我的信息 in the mini-program: read → export → 解除绑定', () => {
  const journey = weappJourney()

  it('李秀英 opens 我的信息 from 我的 and reads her household’s roster line, points and what 解除绑定 would do', async () => {
    const villager = await journey.openPhone('demo-villager-2')
    await villager.tapTab('我的')
    await villager.tap('我的信息')
    const screen = villager.screenText()
    expect(screen).toContain('我本人')
    expect(screen).toContain('李秀英（我）')
    expect(screen).toContain('积分余额')
    expect(screen).toContain('解除后会删掉的')
    expect(screen).toContain('这户的积分明细和分红记录')
  })

  it('She exports it: one table opens in WeChat’s viewer', async () => {
    const villager = await journey.openPhone('demo-villager-2')
    await villager.tapTab('我的')
    await villager.tap('我的信息')
    await villager.tap('导出成表格')
    expect(villager.device.openedDocuments.at(-1)?.fileType).toBe('xlsx')
    expect(villager.device.openedDocuments.at(-1)?.filePath).toMatch(/我的信息-\d{8}-\d{6}\.xlsx$/)
  })

  it('She taps 解除绑定 and cancels: still bound; she confirms: unbound, and told what stayed', async () => {
    const villager = await journey.openPhone('demo-villager-2')
    await villager.tapTab('我的')
    await villager.tap('我的信息')
    villager.device.answerNextModal(false)
    await villager.tap('解除绑定')
    expect(villager.device.modals.at(-1)).toMatchObject({ title: '解除绑定', confirmed: false })
    expect((await journey.callAs<MyData>('demo-villager-2', 'account', { action: 'myData' })).household).not.toBeNull()

    villager.device.answerNextModal(true)
    await villager.tap('解除绑定')
    expect(villager.screenText()).toContain('已解除绑定')
    expect(villager.screenText()).toContain('这户的积分和分红记录照常保留在村里')
    expect((await journey.callAs<MyData>('demo-villager-2', 'account', { action: 'myData' })).household).toBeNull()
  })
})
