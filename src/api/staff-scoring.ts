import type { Envelope } from '../core/contracts/envelope'
import type {
  AppealView,
  BeautyChart,
  PendingWork,
  RuleSetView,
  RuleView,
  ScoreOutputs,
  ScoreRecordView,
} from '../core/contracts/score'
import { callFunction } from './call-function'

// The staff's scoring work (the score cloud function): inspections, 待我审核, 冲销, publishing rules, the 美丽积分图.

export function myInspections(limit?: number): Promise<Envelope<ScoreRecordView[]>> {
  return callFunction('score', 'myInspections', limit ? { limit } : {})
}

export function pendingWork(orgId: string): Promise<Envelope<PendingWork>> {
  return callFunction('score', 'pending', { orgId })
}

export function decideScore(input: { requestId: string; recordId: number; approve: boolean; note?: string }): Promise<Envelope<ScoreRecordView>> {
  return callFunction('score', 'decide', input)
}

export function decideAppeal(input: { requestId: string; appealId: number; overturn: boolean; note?: string }): Promise<Envelope<AppealView>> {
  return callFunction('score', 'decideAppeal', input)
}

export function reverseEntry(input: { requestId: string; entryId: number; reason: string }): Promise<Envelope<ScoreOutputs['reverse']>> {
  return callFunction('score', 'reverse', input)
}

/** 发布积分细则: the full list of rules becomes the set's next version (codes name a rule across versions). */
export function publishRules(input: {
  requestId: string
  ruleSetId: string
  rules: Omit<RuleView, 'id'>[]
}): Promise<Envelope<RuleSetView>> {
  return callFunction('score', 'publishRules', input)
}

export function beautyChart(orgId: string, months?: number): Promise<Envelope<BeautyChart>> {
  return callFunction('score', 'beautyChart', months ? { orgId, months } : { orgId })
}
