/**
 * Names in the order people look them up: by pinyin, with numbers by value, whether written in digits
 * (2组 before 10组) or in Chinese as an ordinal or a count (第二网格 before 第十网格, 三组 before 十二组).
 * A numeral inside a word (三星村, 八一村) keeps its pinyin place.
 */
export function byName(a: string, b: string): number {
  return BY_PINYIN_NUMERIC.compare(inDigits(a), inDigits(b)) || BY_PINYIN.compare(a, b)
}

// Made once: localeCompare with a locale builds a collator on every call, a few hundred times a sort.
const BY_PINYIN_NUMERIC = new Intl.Collator('zh-Hans-CN', { numeric: true })
const BY_PINYIN = new Intl.Collator('zh-Hans-CN')

const NUMERAL = '〇零一二两三四五六七八九十百'
/** 第X, or X before 组, 号, 队 or 网格, with X in Chinese numerals. */
const COUNTED = new RegExp(`第([${NUMERAL}]+)|([${NUMERAL}]+)(?=组|号|队|网格)`, 'g')
const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

function inDigits(name: string): string {
  return name.replace(COUNTED, (_, ordinal: string | undefined, count: string | undefined) =>
    ordinal !== undefined ? `第${chineseNumber(ordinal)}` : String(chineseNumber(count!)),
  )
}

/** 十二 → 12, 二十一 → 21, 一百零五 → 105. */
function chineseNumber(numeral: string): number {
  let total = 0
  let current = 0
  for (const character of numeral) {
    if (character === '百') [total, current] = [total + (current || 1) * 100, 0]
    else if (character === '十') [total, current] = [total + (current || 1) * 10, 0]
    else current = current * 10 + DIGIT[character]
  }
  return total + current
}
