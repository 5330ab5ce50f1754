/** "+5", "−5" (a true minus sign, easier to see than a hyphen) or "0". */
export function formatPoints(points: number): string {
  return points > 0 ? `+${points}` : points < 0 ? `−${Math.abs(points)}` : '0'
}
