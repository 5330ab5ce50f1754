import type { Envelope } from '../core/contracts/envelope'
import type { MatterBoard, MatterDetail, MatterNumbersReport, MatterView, MatterWorkList } from '../core/contracts/matter'
import { callFunction } from './call-function'
import type { ActionParams } from './function-contracts'

/** 我要议事: text, place, photos (file ids from uploadPhoto), and whether the name may be shown. */
export function raiseMatter(input: ActionParams<'matter', 'raise'>): Promise<Envelope<MatterDetail>> {
  return callFunction('matter', 'raise', input)
}

/** 我也遇到. */
export function secondMatter(requestId: string, matterId: number): Promise<Envelope<MatterDetail>> {
  return callFunction('matter', 'second', { requestId, matterId })
}

/** The steps of the closed loop, each answered with the matter as it now stands. */
export type MatterStepAction = 'accept' | 'merge' | 'decline' | 'assign' | 'progress' | 'extend' | 'feedback' | 'rate'

export function takeMatterStep<A extends MatterStepAction>(action: A, input: ActionParams<'matter', A>): Promise<Envelope<MatterDetail>> {
  return callFunction('matter', action, input) as Promise<Envelope<MatterDetail>>
}

export function myMatters(): Promise<Envelope<MatterView[]>> {
  return callFunction('matter', 'mine', {})
}

/** A board: my own micro-grid's (or village's, or street's) when `orgId` is left out. */
export function matterBoard(orgId?: string): Promise<Envelope<MatterBoard>> {
  return callFunction('matter', 'board', orgId ? { orgId } : {})
}

export function matterDetail(matterId: number): Promise<Envelope<MatterDetail>> {
  return callFunction('matter', 'detail', { matterId })
}

export function matterWorkList(orgId?: string): Promise<Envelope<MatterWorkList>> {
  return callFunction('matter', 'workList', orgId ? { orgId } : {})
}

export function matterNumbers(orgId?: string): Promise<Envelope<MatterNumbersReport>> {
  return callFunction('matter', 'numbers', orgId ? { orgId } : {})
}
