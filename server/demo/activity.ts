import { periodsOf } from '../../src/core/period'
import { decideAppeal } from '../services/score/appeals'
import { publishRun, saveDraft } from '../services/dividend/runs'
import { saveVillageSettings } from '../services/account/village-settings'
import type { Db } from '../store/database'
import type { DemoStory } from './actions'
import { beforeTheYearsFirstRound } from './history'
import { memberOf, SHOP_CLERK, TJ_CADRE, TJ_GRID_LEADER, ZJQ_ACCOUNTANT, ZJQ_CADRE, ZJQ_GRID_LEADER } from './people'

const DAY_MS = 24 * 3600 * 1000

/**
 * What is going on in the villages today: 整改通报 in every state in several groups' channels (待整改,
 * 逾期, 待核验, 已整改, 已撤销) and last week's 通报; claims and an appeal waiting for 陈明华; 通界村's
 * grid leader's scores waiting for 沈国强 (通界村 wants them approved); redemptions at the shop today and
 * on earlier days. Run after the year of inspections is planned, before the story plays.
 */
export function planActivity(story: DemoStory): { afterwards: (tx: Db) => Promise<void> } {
  const { clock, photos } = story
  const clutter = { ruleSetId: 'rs-zjq', code: 'env-clutter', photos: [photos.clutter] }

  // 1组 (王卫东's micro-grid): 沈阿大's clutter from last month, never rectified: 逾期, in last week's 通报.
  const lastMonth = new Date(Math.min(clock.monthStart.getTime() - DAY_MS / 2, clock.daysAgo(10).getTime()))
  // 3组: 许凤英's charging in the stairwell, 通报 last week, proof the next day, accepted yesterday: 已整改.
  const charging = clock.daysAgo(9)
  const bulletinDay = clock.daysAgo(7)
  const posted: number[] = []
  story.at(lastMonth, async () => {
    const [entry] = await story.score(lastMonth, ZJQ_GRID_LEADER, { ...clutter, householdIds: ['h-zjq-05'], note: '院门口堆放建筑垃圾' })
    posted.push(await story.noticeOfEntry(entry!))
  })
  story.at(charging, async () => {
    const [entry] = await story.score(charging, ZJQ_CADRE, {
      ruleSetId: 'rs-zjq',
      code: 'safety-charging',
      householdIds: ['h-zjq-20'],
      note: '电动车推进楼道充电',
      photos: [photos.charging],
    })
    const noticeId = await story.noticeOfEntry(entry!)
    posted.push(noticeId)
    const proved = clock.daysAgo(8)
    story.at(proved, () => story.submitProof(proved, memberOf('h-zjq-20'), noticeId, '电动车已推到车棚充电'))
    const verified = clock.daysAgo(1)
    story.at(verified, () => story.verify(verified, ZJQ_CADRE, noticeId))
  })
  story.at(bulletinDay, () => story.postBulletin(bulletinDay, ZJQ_CADRE, 'v-zjq', posted))

  // 4组: 魏根林's unsorted rubbish six days ago, past its three days: 逾期; the family appeals it.
  const rubbish = clock.daysAgo(6)
  story.at(rubbish, async () => {
    const [entry] = await story.score(rubbish, ZJQ_CADRE, { ruleSetId: 'rs-zjq', code: 'waste-wrong', householdIds: ['h-zjq-27'], note: '厨余垃圾和其他垃圾混在一起' })
    const appealed = clock.daysAgo(1)
    story.at(appealed, async () => void (await story.appeal(appealed, memberOf('h-zjq-27'), entry!, '那天是亲戚帮忙倒的，家里一直分类投放')))
  })
  // 2组: 周月娥's clutter four days ago, appealed the same day; 陈明华 overturns it at the end of the story: 已撤销.
  const overturned: number[] = []
  const wrongly = clock.daysAgo(4)
  story.at(wrongly, async () => {
    const [entry] = await story.score(wrongly, ZJQ_CADRE, { ...clutter, householdIds: ['h-zjq-12'], note: '门口堆放杂物' })
    overturned.push(await story.appeal(wrongly, memberOf('h-zjq-12'), entry!, '门口是邻居家的建房材料，不是我家的'))
  })
  // 2组: 蒋志刚's clutter three days ago, photo of the tidied yard yesterday: 待核验.
  const relapse = clock.daysAgo(3)
  story.at(relapse, async () => {
    const [entry] = await story.score(relapse, ZJQ_CADRE, { ...clutter, householdIds: ['h-zjq-16'], note: '柴草堆在路边' })
    const noticeId = await story.noticeOfEntry(entry!)
    const proved = clock.daysAgo(1)
    story.at(proved, () => story.submitProof(proved, memberOf('h-zjq-16'), noticeId, '柴草已经搬进柴房'))
  })
  // 4组: 姜友良's clutter two days ago: 待整改.
  const fresh = clock.daysAgo(2)
  story.at(fresh, async () => void (await story.score(fresh, ZJQ_CADRE, { ...clutter, householdIds: ['h-zjq-30'], note: '旧家具堆在屋后' })))

  // Waiting for 陈明华: two claims with photos.
  const claims = clock.earlierToday(100)
  story.at(claims, async () => {
    await story.claim(claims, memberOf('h-zjq-23'), 'rs-zjq', 'volunteer-service', '参加村里河道保洁志愿活动', photos.volunteer)
    await story.claim(claims, memberOf('h-zjq-12'), 'rs-zjq', 'volunteer-duty', '村口宣传值守两小时', photos.volunteer)
  })
  // Waiting for 沈国强: 通界村's grid leader scored two households this morning.
  const tjRound = clock.earlierToday(80)
  story.at(tjRound, async () => void (await story.score(tjRound, TJ_GRID_LEADER.openid, { ruleSetId: 'rs-danghu', code: 'mediation', householdIds: ['h-tj-01', 'h-tj-02'], note: '调解两家宅基地纠纷' })))

  // The shop: redemptions today and on earlier days.
  const baskets: [Date, string, Record<string, number>][] = [
    [clock.daysAgo(9), 'h-zjq-30', { 面券: 3 }],
    [clock.daysAgo(5), 'h-zjq-23', { 洗衣粉一袋: 1, 毛巾一条: 1 }],
    [clock.daysAgo(2), 'h-zjq-16', { 大米五斤: 1 }],
    [clock.earlierToday(120), 'h-zjq-05', { 面券: 2 }],
    [clock.earlierToday(45), 'h-zjq-20', { 酱油一瓶: 1 }],
  ]
  for (const [at, householdId, basket] of baskets) story.at(at, () => story.redeem(at, memberOf(householdId), SHOP_CLERK, 'shop-zjq', basket))

  return {
    /** Decisions made just now (at the story's now, not the clock's), once the story has played: the overturned appeal, the dividends. */
    async afterwards(tx) {
      for (const appealId of overturned) await decideAppeal(tx, ZJQ_CADRE, { appealId, overturn: true, note: '核实是邻居家的建房材料' }, clock.now)
      const year = Number(periodsOf(clock.now).year)
      const proportional = { method: { kind: 'proportional' as const } }
      const lastZjq = await saveDraft(tx, ZJQ_ACCOUNTANT, { orgId: 'v-zjq', year: year - 1, totalFen: 48_000_000, incentiveRatio: '1/5', ...proportional }, clock.now)
      await publishRun(tx, ZJQ_ACCOUNTANT, { runId: lastZjq.id }, clock.now)
      // 通界村 as in 2019: 56.16万元, of which 9.36万 (1/6) by points.
      const lastTj = await saveDraft(tx, TJ_CADRE, { orgId: 'v-tj', year: year - 1, totalFen: 56_160_000, incentiveRatio: '1/6', ...proportional }, clock.now)
      await publishRun(tx, TJ_CADRE, { runId: lastTj.id }, clock.now)
      // This year's draft once the year's first round is walked: before it the year has no points to share by
      // (at most an overturned deduction given back), and with none at all the draft cannot be made.
      if (!beforeTheYearsFirstRound(clock)) {
        await saveDraft(tx, ZJQ_ACCOUNTANT, { orgId: 'v-zjq', year, totalFen: 56_160_000, incentiveRatio: '1/6', ...proportional }, clock.now)
      }
    },
  }
}

/** 通界村 wants its grid leaders' scores approved by a cadre (村里的设置), from the start of the story. */
export async function planVillageSettings(tx: Db): Promise<void> {
  await saveVillageSettings(tx, TJ_CADRE, { orgId: 'v-tj', gridLeaderScoresNeedApproval: true, rectifiedVisibleDays: 3 })
}
