import type { RunList } from '../../src/core/contracts/dividend'
import { weappJourney } from './support/journey'

jest.setTimeout(120_000)

const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4))

/**
 * Accountant 徐美芳 in the weapp build: a dividend of 561,600 元 with the incentive pool 1/6 (通界村's
 * 2019 split), previewed, saved as a draft, published (公示); the parts add up to the fen.
 */
describe('accountant in the mini-program: preview and publish the year\'s dividend', () => {
  const journey = weappJourney()

  it('徐美芳 previews, saves the draft and publishes it', async () => {
    const phone = await journey.openPhone('demo-accountant')
    await phone.tap('年度分红')
    expect(phone.screenText()).toContain('新建分红方案')
    await phone.fill('例如 561600', '561600')
    await phone.tap('试算')
    expect(phone.screenText()).toContain('试算结果')
    expect(phone.screenText()).toContain('核对：各户相加正好等于总额 ✓')
    await phone.tap('保存为草稿，逐户核对')
    expect(phone.screenText()).toContain('逐户明细（32 户）')
    await phone.tap('核对无误，公示')
    await phone.tap('确认公示')

    const { runs } = await journey.callAs<RunList>('demo-accountant', 'dividend', { action: 'runs', orgId: 'v-zjq' })
    const published = runs.find((run) => run.year === YEAR && run.status === 'published')
    expect(published).toMatchObject({ totalFen: 56_160_000, incentiveFen: 9_360_000 })
  })
})
