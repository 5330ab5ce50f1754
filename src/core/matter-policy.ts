import { pathCovers } from './org'
import type { Grant } from './policy'
import { nextMatterState, type MatterAction, type MatterAssignee, type MatterState, type MatterStep } from './matter'
import type { StaffRole } from './roles'

/**
 * How a caller stands to one matter: the leader of its micro-grid, a cadre of its village, the
 * street's admin above it, a member of the household that raised it.
 */
export type MatterStanding = 'grid_leader' | 'cadre' | 'street_admin' | 'raiser'

/**
 * Who may take each step of a matter. The street's admin handles only matters escalated to the
 * street; the raiser only rates. Staff take no step on a matter outside their organisation.
 */
export const MATTER_STEP_TAKERS: Record<MatterStep, readonly MatterStanding[]> = {
  accept: ['grid_leader', 'cadre'],
  merge: ['grid_leader', 'cadre'],
  decline: ['grid_leader', 'cadre'],
  assign: ['grid_leader', 'cadre'],
  progress: ['grid_leader', 'cadre', 'street_admin'],
  extend: ['cadre', 'street_admin'],
  feedback: ['cadre', 'street_admin'],
  rate: ['raiser'],
}

const STANDING_ROLE: Record<Exclude<MatterStanding, 'raiser'>, StaffRole> = {
  grid_leader: 'grid_leader',
  cadre: 'cadre',
  street_admin: 'admin',
}

/** The staff roles that take steps on matters: they get the work list and the numbers. */
export const MATTER_STAFF_ROLES: readonly StaffRole[] = Object.values(STANDING_ROLE)

/** Where a matter sits, for the scope checks. */
export type MatterPlace = { villagePath: string; microGridPath: string | null; householdId: string; assignee: MatterAssignee | null }

/** The standings a caller holds toward a matter, from their grants and their household. */
export function matterStandings(grants: readonly Grant[], householdId: string | null, place: MatterPlace): MatterStanding[] {
  const standings: MatterStanding[] = []
  const holds = (standing: Exclude<MatterStanding, 'raiser'>, path: string | null) =>
    path !== null && grants.some((g) => g.role === STANDING_ROLE[standing] && pathCovers(g.org.path, path))
  if (holds('grid_leader', place.microGridPath)) standings.push('grid_leader')
  if (holds('cadre', place.villagePath)) standings.push('cadre')
  if (holds('street_admin', place.villagePath)) standings.push('street_admin')
  if (householdId !== null && householdId === place.householdId) standings.push('raiser')
  return standings
}

/** May a caller with these standings take `step` on the matter? The street acts only on escalated matters. */
export function mayTakeMatterStep(standings: readonly MatterStanding[], step: MatterStep, assignee: MatterAssignee | null): boolean {
  return MATTER_STEP_TAKERS[step].some(
    (standing) => standings.includes(standing) && (standing !== 'street_admin' || assignee === 'street'),
  )
}

/** The steps a caller may take on a matter (what the page offers; the state machine decides the rest). */
export function matterStepsFor(standings: readonly MatterStanding[], assignee: MatterAssignee | null): MatterStep[] {
  return (Object.keys(MATTER_STEP_TAKERS) as MatterStep[]).filter((step) => mayTakeMatterStep(standings, step, assignee))
}

/** Staff who see a matter in full (the raiser's name, every note): any standing but none. */
export function seesMatterInFull(standings: readonly MatterStanding[]): boolean {
  return standings.length > 0
}

/**
 * The steps a caller may take on a matter in its present state: allowed to them by the table above
 * and accepted by the state machine (with ordinary parameters: a week's due date, a 满意 rating).
 */
export function availableMatterSteps(state: MatterState, standings: readonly MatterStanding[], now: Date): MatterStep[] {
  const week = new Date(Math.max(now.getTime(), state.dueAt?.getTime() ?? 0) + 7 * 24 * 3600 * 1000)
  const probe: Record<MatterStep, MatterAction> = {
    accept: { type: 'accept' },
    merge: { type: 'merge' },
    decline: { type: 'decline' },
    assign: { type: 'assign', to: 'cadre', dueAt: week },
    progress: { type: 'progress' },
    extend: { type: 'extend', dueAt: week },
    feedback: { type: 'feedback' },
    rate: { type: 'rate', rating: 'satisfied' },
  }
  return matterStepsFor(standings, state.assignee).filter((step) => nextMatterState(state, probe[step], now).ok)
}
