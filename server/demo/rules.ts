import type { RuleCategory } from '../../src/core/rules'
import type { Db } from '../store/database'
import { rules, ruleSetOrgs, ruleSets, ruleSetVersions } from '../store/schema'

type RuleSeed = {
  code: string
  category: RuleCategory
  title: string
  points: number
  monthlyLimit?: number
  yearlyLimit?: number
  evidenceRequired?: boolean
  restorable?: boolean
  rectifyDays?: number
  claimable?: boolean
}

/**
 * A realistic 积分细则: environment additions and deductions (restorable once rectified, version
 * 2.0), and 堰头村's epidemic items from DOMAIN.md (+2 per volunteer duty, +5 vaccination at 60+,
 * +5 for reporting travel).
 */
const DEMO_RULES: RuleSeed[] = [
  { code: 'env-tidy', category: '人居环境', title: '房前屋后整洁有序', points: 2, monthlyLimit: 1 },
  { code: 'env-courtyard', category: '人居环境', title: '美丽庭院检查达标', points: 5, monthlyLimit: 1 },
  { code: 'env-clutter', category: '人居环境', title: '房前屋后乱堆乱放', points: -5, evidenceRequired: true, restorable: true, rectifyDays: 7 },
  { code: 'env-ditch', category: '人居环境', title: '往河道沟渠倒垃圾', points: -10, evidenceRequired: true, restorable: true, rectifyDays: 3 },
  { code: 'waste-right', category: '垃圾分类', title: '垃圾分类投放正确', points: 1, monthlyLimit: 4 },
  { code: 'waste-wrong', category: '垃圾分类', title: '垃圾没有分类投放', points: -2, restorable: true, rectifyDays: 3 },
  { code: 'safety-charging', category: '平安建设', title: '电动车进楼道充电等消防隐患', points: -5, evidenceRequired: true, restorable: true, rectifyDays: 3 },
  { code: 'mediation', category: '矛盾调解', title: '参与调解邻里矛盾纠纷', points: 3, monthlyLimit: 2 },
  { code: 'volunteer-duty', category: '疫情防控', title: '参加镇村疫情防控志愿值守（宣传、检查、站岗）', points: 2, monthlyLimit: 10, evidenceRequired: true, claimable: true },
  { code: 'vaccine-60', category: '疫情防控', title: '60岁以上居民完成疫苗接种', points: 5, yearlyLimit: 1 },
  { code: 'travel-report', category: '疫情防控', title: '非必要不出市，出行主动向村里报备', points: 5, yearlyLimit: 1 },
  { code: 'volunteer-service', category: '志愿服务', title: '参加村里志愿服务活动', points: 2, monthlyLimit: 4, evidenceRequired: true, claimable: true },
  { code: 'custom-simple', category: '移风易俗', title: '红白喜事简办', points: 5, yearlyLimit: 2 },
  { code: 'custom-lavish', category: '移风易俗', title: '红白喜事大操大办、铺张浪费', points: -10 },
  { code: 'matter-adopted', category: '议事协商', title: '议事建言被采纳', points: 2, monthlyLimit: 2 },
  { code: 'matter-helped', category: '议事协商', title: '协助办理连心议站议事事项', points: 2, monthlyLimit: 2 },
]

const SETS = [
  { id: 'rs-zjq', name: '赵家桥村善治积分细则', ownerOrgId: 'v-zjq', usedBy: ['v-zjq'] },
  // 村社联动 (3.0): one set for the village and the community that scores its relocated shareholders.
  { id: 'rs-danghu', name: '当湖街道村社联动积分细则', ownerOrgId: 'st-danghu', usedBy: ['v-tj', 'c-donghu'] },
]

export async function seedDemoRules(tx: Db, publishedAt: Date): Promise<void> {
  for (const set of SETS) {
    await tx.insert(ruleSets).values({ id: set.id, name: set.name, ownerOrgId: set.ownerOrgId })
    await tx.insert(ruleSetOrgs).values(set.usedBy.map((orgId) => ({ orgId, ruleSetId: set.id })))
    await tx.insert(ruleSetVersions).values({ ruleSetId: set.id, version: 1, publishedAt })
    await tx.insert(rules).values(
      DEMO_RULES.map((rule, i) => ({
        ...rule,
        ruleSetId: set.id,
        version: 1,
        monthlyLimit: rule.monthlyLimit ?? null,
        yearlyLimit: rule.yearlyLimit ?? null,
        rectifyDays: rule.rectifyDays ?? null,
        sortOrder: i,
      })),
    )
  }
}
