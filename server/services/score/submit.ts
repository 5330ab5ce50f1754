import { asc, inArray } from 'drizzle-orm'
import type { SubmitResult } from '../../../src/core/contracts/score'
import { AppError } from '../../../src/core/errors'
import { coveringGrant, grantsFor, type Grant } from '../../../src/core/policy'
import { checkObservedAt } from '../../../src/core/observed-time'
import { limitRefusal } from '../../../src/core/scoring'
import type { StartMediaCheck } from '../../platform/media-check'
import type { SendSubscribeMessage } from '../../platform/subscribe-message'
import type { Db } from '../../store/database'
import { householdPlaces, type HouseholdPlace } from '../../store/household-views'
import { households, scoreRecords } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { refuseOwnMember } from '../shared/points-power'
import { requestPhotoChecks } from '../shared/photo-checks'
import { refuseOthersPhotos } from '../shared/photo-folder'
import { countsTowardLimits, PROMISED } from './limits'
import { applyScoreRecords } from './records'
import { loadRuleInForce, refuseTrainingRuleByHand, ruleSetIdOf } from './rules'
import { readVillageSettings } from '../account/village-settings'

type SubmitInput = { requestId: string; householdIds: string[]; ruleId: number; note?: string; photos?: string[]; observedAt?: string }

/**
 * One inspection: a scorer applies one rule to several households of their scope. Each household
 * gets a score record; it moves points at once, or waits for a cadre when the village asks for
 * approval of grid leaders' scores. All or nothing: one household out of scope refuses the lot.
 * A walk kept offline arrives with its observed time: it counts when it arrives (src/core/observed-time),
 * and one that arrives late waits for a cadre unless a cadre scored it.
 */
export async function submitScore(
  db: Db,
  openid: string,
  platform: { sendSubscribeMessage: SendSubscribeMessage; startMediaCheck: StartMediaCheck | null },
  input: SubmitInput,
  now = new Date(),
): Promise<SubmitResult> {
  const caller = await loadCaller(db, openid)
  if (grantsFor(caller.grants, 'score').length === 0) throw new AppError('FORBIDDEN', '只有网格长、村干部和社区评分员可以评分')
  const observedAt = input.observedAt ? new Date(input.observedAt) : now
  const observed = checkObservedAt(observedAt, now)
  if (!observed.accepted) throw new AppError('INVALID_INPUT', observed.message)
  const rule = await loadRuleInForce(db, input.ruleId)
  refuseTrainingRuleByHand(rule, '手工评分')
  const photos = input.photos ?? []
  refuseOthersPhotos(openid, photos)
  if (rule.evidenceRequired && photos.length === 0) throw new AppError('EVIDENCE_REQUIRED')

  const balances = await lockHouseholds(db, input.householdIds)
  const places = await householdPlaces(db, input.householdIds)
  const counts = await countsTowardLimits(db, rule, input.householdIds, now, PROMISED)
  const villages = new Map<string, { ruleSetId: string | null; gridLeadersNeedApproval: boolean }>()
  const targets: { place: HouseholdPlace; grant: Grant; needsApproval: boolean }[] = []
  for (const id of input.householdIds) {
    const place = places.get(id)
    if (!place) throw new AppError('NOT_FOUND', '没有找到所选的农户，请刷新后重试')
    const grant = coveringGrant(caller.grants, 'score', place.paths)
    if (!grant) throw new AppError('FORBIDDEN', `${place.name}家不在您负责的范围内`)
    refuseOwnMember(caller, id)
    if (!villages.has(place.villageId)) villages.set(place.villageId, await villageScoring(db, place.villageId))
    const village = villages.get(place.villageId)!
    if (village.ruleSetId !== rule.ruleSetId) throw new AppError('RULE_NOT_APPLICABLE', `这条细则不适用于${place.name}家`)
    const { thisMonth, thisYear } = counts.get(id) ?? { thisMonth: 0, thisYear: 0 }
    const refusal = limitRefusal(rule, thisMonth, thisYear)
    if (refusal) throw new AppError('LIMIT_REACHED', `${place.name}家“${rule.title}”${refusal}`)
    const needsApproval = (grant.role === 'grid_leader' && village.gridLeadersNeedApproval) || (observed.late && grant.role !== 'cadre')
    targets.push({ place, grant, needsApproval })
  }

  // One insert for every record and one batch of ledger entries for those that move points now.
  const records = (
    await db
      .insert(scoreRecords)
      .values(
        targets.map(({ place, grant }) => ({
          householdId: place.id,
          ruleId: rule.id,
          points: rule.points,
          source: 'inspection',
          status: 'pending',
          note: input.note ?? '',
          photos,
          submittedBy: openid,
          scorerOrgId: grant.org.id,
          requestId: input.requestId,
          observedAt,
          createdAt: now,
        })),
      )
      .returning()
  ).sort((a, b) => a.id - b.id)
  const applied = records.filter((_, i) => !targets[i].needsApproval)
  const entries = await applyScoreRecords(db, platform.sendSubscribeMessage, applied, rule, null, now)
  // The inspection's photos go on the household's notice, public on its channel: WeChat checks them first.
  if (platform.startMediaCheck) await requestPhotoChecks(db, platform.startMediaCheck, photos, openid, now)
  const entryOf = new Map(applied.map((record, i) => [record.id, entries[i]]))

  const results: SubmitResult['results'] = targets.map(({ place }, i) => {
    const entry = entryOf.get(records[i].id)
    return {
      householdId: place.id,
      // A merchant by its 字号, as its inspectors know it.
      name: place.tradeName ?? place.name,
      status: entry ? 'applied' : 'pending',
      recordId: records[i].id,
      entryId: entry?.id ?? null,
      balance: entry?.balanceAfter ?? balances.get(place.id)!,
    }
  })
  return { requestId: input.requestId, rule: { id: rule.id, title: rule.title, points: rule.points }, results }
}

/**
 * Row locks in id order: parallel inspections of the same households queue instead of racing the
 * limits. Gives each household's balance, which stays as it is until this transaction ends.
 */
async function lockHouseholds(db: Db, ids: string[]): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: households.id, balance: households.balance })
    .from(households)
    .where(inArray(households.id, ids))
    .orderBy(asc(households.id))
    .for('update')
  return new Map(rows.map((row) => [row.id, row.balance]))
}

/** The rule set a village scores with, and whether it asks that its grid leaders' scores wait for a cadre. */
async function villageScoring(db: Db, villageId: string) {
  return {
    ruleSetId: await ruleSetIdOf(db, villageId),
    gridLeadersNeedApproval: (await readVillageSettings(db, villageId)).gridLeaderScoresNeedApproval,
  }
}
