/** Two-character surnames (复姓) that still occur, so '欧阳明' keeps '欧阳' like '张建国' keeps '张'. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯',
  '令狐', '钟离', '轩辕', '端木', '独孤', '南宫', '西门', '百里', '呼延', '澹台', '公冶', '太史', '申屠',
  '闻人', '赫连', '东郭', '拓跋',
])

/** A name as public lists show it: the surname and a star per other character ('张建国' → '张**'). */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length === 0) return ''
  // A compound surname is kept only when a given name follows it; '欧阳' alone shows one character.
  const surname = chars.length > 2 && COMPOUND_SURNAMES.has(chars[0] + chars[1]) ? 2 : 1
  return chars.slice(0, surname).join('') + '*'.repeat(Math.max(chars.length - surname, 1))
}
