/**
 * Reconciling a shop's receipts with the ledger: every receipt must point to a redemption entry of the
 * same household for exactly minus its points, its lines must add up to its points, and a reversal
 * must point to a reversing entry that gives exactly those points back and names the original entry.
 */
export type ReceiptToReconcile = {
  receiptId: string
  householdId: string
  pointsSpent: number
  linesTotal: number
  entry: { id: number; householdId: string; kind: string; points: number } | null
  reversal: { entry: { householdId: string; kind: string; points: number; reversesEntryId: number | null } | null } | null
}

export function receiptProblems(receipt: ReceiptToReconcile): string[] {
  const problems: string[] = []
  const { entry, reversal } = receipt
  if (receipt.linesTotal !== receipt.pointsSpent) problems.push(`商品合计 ${receipt.linesTotal} 分，小票记 ${receipt.pointsSpent} 分`)
  if (!entry) problems.push('找不到对应的积分流水')
  else {
    if (entry.kind !== 'redemption') problems.push('对应的流水不是兑换')
    if (entry.householdId !== receipt.householdId) problems.push('流水记在了别的户上')
    if (entry.points !== -receipt.pointsSpent) problems.push(`流水扣了 ${-entry.points} 分，小票记 ${receipt.pointsSpent} 分`)
  }
  if (reversal) {
    const back = reversal.entry
    if (!back) problems.push('撤销了但找不到退回积分的流水')
    else {
      if (back.kind !== 'redemption_reversal') problems.push('退回积分的流水不是兑换撤销')
      if (back.householdId !== receipt.householdId) problems.push('退回的积分记在了别的户上')
      if (back.points !== receipt.pointsSpent) problems.push(`退回 ${back.points} 分，小票记 ${receipt.pointsSpent} 分`)
      if (entry && back.reversesEntryId !== entry.id) problems.push('退回积分的流水没有指向原兑换')
    }
  }
  return problems
}
