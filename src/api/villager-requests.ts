import type { Envelope } from '../core/contracts/envelope'
import type { AppealView, MyRequests, ScoreRecordView } from '../core/contracts/score'
import { callFunction } from './call-function'

// A household's own requests (the score cloud function): 申请加分, 申诉, and their progress.

export function claim(input: { requestId: string; ruleId: number; note?: string; photos: string[] }): Promise<Envelope<ScoreRecordView>> {
  return callFunction('score', 'claim', input)
}

export function appeal(input: { requestId: string; entryId: number; reason: string }): Promise<Envelope<AppealView>> {
  return callFunction('score', 'appeal', input)
}

export function myRequests(): Promise<Envelope<MyRequests>> {
  return callFunction('score', 'myRequests', {})
}
