// Why HQ refused a reward redemption on its own (hq/quiz/redeem.ts). The synced row keeps the Chinese
// text — what every app version shows — and a screen in English finds its words here; a reason an
// organiser typed is shown as typed.
export const REFUSALS = {
  price: { zh: '申请积分与奖品目录不符，积分已退回', en: 'The points asked do not match the reward catalogue; the points are returned' },
  stock: { zh: '库存不足，积分已退回', en: 'Out of stock; the points are returned' },
  balance: { zh: '积分不足（各设备记录合计），积分已退回', en: "Not enough points (all devices' records together); the points are returned" },
  refused: { zh: '未获批准', en: 'Not approved' },
} as const;

const byZh = new Map<string, string>(Object.values(REFUSALS).map((r) => [r.zh, r.en]));

/** A stored refusal reason in the reader's language. */
export function refusalText(reason: string, lang: 'zh' | 'en'): string {
  return lang === 'en' ? (byZh.get(reason) ?? reason) : reason;
}
