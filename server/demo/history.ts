import { periodsOf } from '../../src/core/period'
import type { DemoStory } from './actions'
import type { DemoClock } from './clock'
import { ZJQ_GRID_LEADER, ZJQ_CADRE, TJ_CADRE, COMMUNITY_SCORER, memberOf } from './people'

/** Months of inspections before this one; with the current month, thirteen. */
const PAST_MONTHS = 12

type Household = { id: string; index: number; microGridId: string }

/**
 * A year of inspections in 赵家桥村 and 通界村, month by month up to this one, across every rule
 * category, so 本月/今年 rankings and the 美丽积分图 tell a story: most households keep tidy, a few
 * stay low (乱堆乱放, rectified within days each time) and 蒋志刚's household improves after repeated
 * visits (as in 山塘村 13组). The 1号微网格 (王卫东's, where 张建国 and 李秀英 live) is left for
 * his walk this month; the rest of the village was inspected on the 10th.
 */
export function planInspections(story: DemoStory, zjq: Household[], tj: Household[]): void {
  for (let monthsAgo = PAST_MONTHS; monthsAgo >= 0; monthsAgo--) {
    const at = roundAt(story.clock, monthsAgo)
    if (!at) continue
    const inspected = zjq.filter((h) => monthsAgo > 0 || h.microGridId !== 'mg-zjq-1-1')
    planVillageMonth(story, monthsAgo, at, inspected)
    planCommunityMonth(story, monthsAgo, at, tj)
  }
}

/** How long a month's round takes, from the first household to the community's last item. */
const ROUND_HOURS = 4

/**
 * When a month's round began: the 10th at 09:00, or four hours ago while the 10th (or the end of
 * that round) is still to come; null in the first four hours of a month, when this month has no round yet.
 */
export function roundAt(clock: DemoClock, monthsAgo: number): Date | null {
  const day10 = clock.dayOfMonth(monthsAgo, 10, 9)
  const latest = clock.daysAgo(ROUND_HOURS / 24)
  if (day10 && day10 <= latest) return day10
  return latest >= clock.monthStart ? latest : null
}

/** New year's first hours, before January's round: nobody has earned points for the year yet. */
export function beforeTheYearsFirstRound(clock: DemoClock): boolean {
  return periodsOf(clock.now).month.endsWith('-01') && !roundAt(clock, 0)
}

function scorerOf(h: Household) {
  return h.microGridId === 'mg-zjq-1-1' ? ZJQ_GRID_LEADER : ZJQ_CADRE
}

/** 赵家桥村 in one month: the monthly round on the 10th and the month's other items. */
function planVillageMonth(story: DemoStory, monthsAgo: number, at: Date, households: Household[]) {
  const { photos } = story
  const stayingLow = (h: Household) => h.index % 11 === 4 && !(h.index === 15 && monthsAgo <= 2)
  const byScorer = (list: Household[], code: string, extra: { note?: string; photos?: string[] } = {}, when = at) => {
    for (const scorer of [ZJQ_GRID_LEADER, ZJQ_CADRE]) {
      const ids = list.filter((h) => scorerOf(h) === scorer).map((h) => h.id)
      if (ids.length > 0) story.at(when, async () => void (await story.score(when, scorer, { ruleSetId: 'rs-zjq', code, householdIds: ids, ...extra })))
    }
  }
  // The routine round: inspected through the app this month, carried over from the paper records before.
  const round = (list: Household[], code: string, note: string, when = at) => {
    if (monthsAgo === 0) return byScorer(list, code, { note }, when)
    for (const h of list) story.at(when, () => story.carryOver(when, { ruleSetId: 'rs-zjq', code, householdIds: [h.id], scorerOrgId: h.microGridId, note }))
  }
  const tidy = households.filter((h) => !stayingLow(h))
  round(tidy, 'env-tidy', '月度人居环境检查')
  if (monthsAgo % 2 === 0) round(tidy.filter((h) => h.index % 3 === 0), 'env-courtyard', '美丽庭院检查')
  if (monthsAgo % 2 === 1 || monthsAgo === 0) round(households, 'waste-right', '垃圾分类检查', plusMinutes(at, 30))
  // The households that stay low: a deduction with a photo, rectified within three days (not this month: their notices are the story's).
  if (monthsAgo > 0) {
    for (const h of households.filter(stayingLow)) planRectifiedDeduction(story, monthsAgo, h, 'env-clutter', photos.clutter, '门口堆放杂物')
  }
  const occasional: [boolean, (h: Household) => boolean, string, { note?: string; photos?: string[] }][] = [
    [monthsAgo % 4 === 1, (h) => h.index % 7 === 2, 'mediation', { note: '调解邻里宅基地纠纷' }],
    [monthsAgo % 3 === 2, (h) => h.index % 4 === 1, 'volunteer-service', { note: '村道清扫志愿活动', photos: [photos.volunteer] }],
    [monthsAgo === 11, (h) => h.index % 6 === 0, 'volunteer-duty', { note: '村口防疫值守', photos: [photos.volunteer] }],
    [monthsAgo === 9, (h) => h.index % 5 === 2, 'vaccine-60', { note: '家中老人完成疫苗接种' }],
    [monthsAgo === 7, (h) => h.index % 8 === 3, 'travel-report', { note: '外出前主动报备' }],
    [monthsAgo === 6, (h) => h.index % 9 === 3, 'custom-simple', { note: '婚事简办' }],
    [monthsAgo === 8, (h) => h.index === 30, 'custom-lavish', { note: '寿宴大操大办' }],
    // 连心议站: a proposal adopted, scored by staff like any other rule.
    [monthsAgo === 3, (h) => h.index % 10 === 4, 'matter-adopted', { note: '在连心议站提议修缮河道护岸，被村里采纳' }],
  ]
  for (const [inMonth, picks, code, extra] of occasional) {
    if (inMonth) byScorer(households.filter(picks), code, extra, plusMinutes(at, 24 * 60 * 5))
  }
  if (monthsAgo === 4) {
    const h = households.find((x) => x.index === 19)
    if (h) planRectifiedDeduction(story, monthsAgo, h, 'safety-charging', photos.charging, '电动车在楼道里充电')
  }
  if (monthsAgo === 3) {
    const h = households.find((x) => x.index === 15)
    if (h) planRectifiedDeduction(story, monthsAgo, h, 'env-ditch', photos.clutter, '往沟渠里倒生活垃圾')
  }
}

/** A deduction on the 10th, proof from the household on the 11th, accepted by the scorer on the 12th. */
function planRectifiedDeduction(story: DemoStory, monthsAgo: number, h: Household, code: string, photo: string, note: string) {
  const deducted = story.clock.dayOfMonth(monthsAgo, 10, 15)
  const proved = story.clock.dayOfMonth(monthsAgo, 11, 18)
  const verified = story.clock.dayOfMonth(monthsAgo, 12, 10)
  if (!deducted || !proved || !verified) return
  story.at(deducted, async () => {
    const [entryId] = await story.score(deducted, scorerOf(h), { ruleSetId: 'rs-zjq', code, householdIds: [h.id], note, photos: [photo] })
    const noticeId = await story.noticeOfEntry(entryId!)
    story.at(proved, () => story.submitProof(proved, memberOf(h.id), noticeId, '已经整改好了'))
    story.at(verified, () => story.verify(verified, scorerOf(h), noticeId))
  })
}

/** 通界村: its cadre inspects the households at home, 东湖社区's scorer the four who moved there (村社联动). */
function planCommunityMonth(story: DemoStory, monthsAgo: number, at: Date, households: Household[]) {
  const groups: [string, string, Household[]][] = [
    [TJ_CADRE, 'v-tj', households.filter((h) => h.index < 4)],
    [COMMUNITY_SCORER, 'c-donghu', households.filter((h) => h.index >= 4)],
  ]
  for (const [scorer, scorerOrg, list] of groups) {
    const score = (code: string, picks: Household[], when: Date, note: string) =>
      picks.length > 0 && story.at(when, async () => void (await story.score(when, scorer, { ruleSetId: 'rs-danghu', code, householdIds: picks.map((h) => h.id), note })))
    const round = (code: string, picks: Household[], when: Date, note: string) =>
      monthsAgo === 0
        ? score(code, picks, when, note)
        : story.at(when, () => story.carryOver(when, { ruleSetId: 'rs-danghu', code, householdIds: picks.map((h) => h.id), scorerOrgId: scorerOrg, note }))
    round('env-tidy', list.filter((h) => (h.index + monthsAgo) % 5 !== 0), plusMinutes(at, 120), '月度人居环境检查')
    if (monthsAgo % 2 === 1 || monthsAgo === 0) round('waste-right', list, plusMinutes(at, 150), '垃圾分类检查')
    if (monthsAgo % 3 === 0) score('mediation', list.filter((h) => h.index % 2 === 1), plusMinutes(at, 180), '参与调解邻里纠纷')
  }
}

function plusMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000)
}
