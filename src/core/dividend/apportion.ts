/** One claimant on a pool: an id and a whole, non-negative weight (shares, points, weighted points). */
export type Claim = { id: string; weight: number }

/**
 * Splits `totalFen` among the claims in proportion to their weights, in whole fen, by largest
 * remainder (Hamilton): each claim first gets the floor of its exact quota; the fen left over go one
 * each to the claims with the largest remainders, equal remainders broken by id (smaller id first),
 * so the order of the input never matters. The parts always add up to `totalFen` exactly.
 *
 * Exact integer arithmetic throughout (BigInt when numbers would lose digits): no float rounding.
 * Throws when there is something to share but no weight to share it by.
 */
export function apportion(totalFen: number, claims: readonly Claim[]): Map<string, number> {
  if (!Number.isSafeInteger(totalFen) || totalFen < 0) throw new RangeError(`pool must be whole non-negative fen: ${totalFen}`)
  let totalWeight = 0n
  const ids = new Set<string>()
  for (const claim of claims) {
    if (!Number.isSafeInteger(claim.weight) || claim.weight < 0) throw new RangeError(`weight must be a whole number ≥ 0: ${claim.weight}`)
    if (ids.has(claim.id)) throw new RangeError(`claim ${claim.id} appears twice`)
    ids.add(claim.id)
    totalWeight += BigInt(claim.weight)
  }
  const parts = new Map<string, number>(claims.map((c) => [c.id, 0]))
  if (totalFen === 0) return parts
  if (totalWeight === 0n) throw new RangeError('nothing to apportion by: all weights are zero')

  // Exact either way: plain numbers while every product pool × weight stays a safe integer, BigInt beyond.
  const maxWeight = claims.reduce((max, c) => Math.max(max, c.weight), 0)
  const exactInNumbers = totalWeight <= BigInt(Number.MAX_SAFE_INTEGER) && totalFen * maxWeight <= Number.MAX_SAFE_INTEGER
  const remainders = exactInNumbers ? floorsInNumbers(totalFen, claims, Number(totalWeight), parts) : floorsInBigInts(totalFen, claims, totalWeight, parts)
  remainders.sort((a, b) => (a.remainder === b.remainder ? compareIds(a.id, b.id) : a.remainder > b.remainder ? -1 : 1))
  let leftover = totalFen
  for (const part of parts.values()) leftover -= part
  // The leftover is less than the number of claims with a remainder, so this never runs past the list.
  for (let i = 0; i < leftover; i++) {
    const { id } = remainders[i]
    parts.set(id, parts.get(id)! + 1)
  }
  return parts
}

type Remainder<T> = { id: string; remainder: T }

function floorsInNumbers(pool: number, claims: readonly Claim[], totalWeight: number, parts: Map<string, number>): Remainder<number>[] {
  const remainders: Remainder<number>[] = []
  for (const claim of claims) {
    const exact = pool * claim.weight
    const remainder = exact % totalWeight
    parts.set(claim.id, (exact - remainder) / totalWeight)
    if (remainder > 0) remainders.push({ id: claim.id, remainder })
  }
  return remainders
}

function floorsInBigInts(totalFen: number, claims: readonly Claim[], totalWeight: bigint, parts: Map<string, number>): Remainder<bigint>[] {
  const pool = BigInt(totalFen)
  const remainders: Remainder<bigint>[] = []
  for (const claim of claims) {
    const exact = pool * BigInt(claim.weight)
    parts.set(claim.id, Number(exact / totalWeight))
    const remainder = exact % totalWeight
    if (remainder > 0n) remainders.push({ id: claim.id, remainder })
  }
  return remainders
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
