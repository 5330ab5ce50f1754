/**
 * Words of the trade a villager meets, each with what it means in everyday words. Pages show them
 * behind a tap (components/term-explainer.tsx) where the word itself has to stay.
 */
export const PLAIN_WORDS = {
  细则: '村里定下的每一条加分、扣分的规矩，写着做什么事加几分、扣几分。',
  冲销: '记错了的一笔被退回：那一笔的分加回或扣回，好像没记过一样，原来的记录还留着看得见。',
  户次: '一户算一次：同一户被通报两次，就算 2 户次。',
  中位数: '把所有户用的时间从短到长排好，排在正中间的那个数，比平均数更不受个别特别慢的影响。',
  授信: '银行答应最多能借给您家的钱数，不是已经借给您的钱。',
  利率优惠: '贷款的年利率降低这么多。降 0.1 个百分点，就是年利率 4.35% 变成 4.25%，借 1 万元一年少付 10 元利息。',
  工作码尾号: '请人来工作用的邀请码的最后几位，只留几位是为了安全，完整的码不记下来。',
  纸质记录结转: '以前记在纸上的积分，搬到手机上接着算，分数不变。',
  整改返还: '被扣的分在整改好、核验通过后加回来。',
  交办: '村里把这件事交给一位村干部（或报给街道）去办，并定好办完的期限。',
} as const

export type PlainWord = keyof typeof PLAIN_WORDS
