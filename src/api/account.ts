import type { OrgRef, Waiting, WhoAmI } from '../core/contracts/account'
import type { Envelope } from '../core/contracts/envelope'
import type { OrgKind } from '../core/org'
import type { Permission } from '../core/policy'
import { callFunction } from './call-function'
import { readDemoOpenId } from './demo-identity'
import { withKeptCopy } from './kept-copy'

/** Who the caller is: registered or not, roles with their organisations, own household. */
export async function whoami(): Promise<Envelope<WhoAmI>> {
  // Kept per demo identity (one key in the mini-program): without signal a leader still sees 入户评分.
  // The key names the answer's shape (2: each role carries its work entries), so an older copy is never read.
  return (await withKeptCopy(`whoami-2:${readDemoOpenId() ?? ''}`, () => callFunction<'account', 'whoami'>('account', 'whoami', {}))).answer
}

/** What waits for the caller: the household's open 整改 and the staff work waiting, for 首页. */
export function waiting(): Promise<Envelope<Waiting>> {
  return callFunction('account', 'waiting', {})
}

/** The units a page working on `kinds` may act on for the caller: its picker when there are several. */
export function workUnits(permission: Permission, kinds: OrgKind[]): Promise<Envelope<OrgRef[]>> {
  return callFunction('account', 'workUnits', { permission, kinds })
}
