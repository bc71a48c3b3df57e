// Channel work beside 三会一课, for the multi-year province (issue 17 item 4): what members of a
// telecom sales channel record most often. Each outlet with members runs anti-fraud outreach
// (反诈宣传) some 0.5–4.5 times a month, own stores and service stations a vanguard service
// (党员先锋岗公益服务) most months, rural outlets a 党建+乡村振兴 action each quarter; each branch
// holds a five-minute micro lecture (五分钟微党课) most months, a knowledge quiz (党建知识闯关赛)
// each quarter and renews the oath on 1 July. Attendance: the outlet's members, or the branch's.
// Its own random stream and ids, so turning it on leaves every other generated row as it was.
import { day, hold, type Draw } from './activities.js';
import type { CountyModel, Gen, OrgRec, OutletRec } from './model.js';
import { LECTURE_TOPICS } from './names.js';
import { addMonths, deriveSeed, IdMaker, Rng, toMs } from './prng.js';

const HELD = 0.9;
const FRAUD_TOPICS = ['电信网络诈骗典型案例宣讲', '“断卡行动”政策宣传', '国家反诈中心APP推广', '守护老年人钱袋子', '校园反诈进课堂', '冒充客服诈骗识别'];
const SERVICE_TOPICS = ['助老智能手机课堂', '营业厅党员先锋岗亮牌服务', '社区便民服务日', '免费检测宽带与手机', '爱心助考服务'];
const RURAL_TOPICS = ['数字乡村平台推广', '农产品直播带货培训', '乡村千兆光网宣传', '留守老人通信关爱'];
const QUIZ_TOPICS = ['党章党规知识', '业务知识与党建知识融合', '党史知识', '廉洁从业知识'];
const SERVICE_TYPES = new Set(['own_store', 'flagship', 'gov_ent', 'community_station']);

/** The months of the window, as first days (oldest first). */
function windowMonths(g: Gen): string[] {
  const thisMonth = `${g.today.slice(0, 7)}-01`;
  const span = 12 * g.years;
  return Array.from({ length: span }, (_, i) => addMonths(thisMonth, i - span + 1));
}

function outletWork(g: Gen, m: CountyModel, o: OutletRec, org: OrgRec, months: string[], draw: Draw): void {
  const { rng } = draw;
  const opened = o.row.opened_on as string;
  const base = { org, scope: org.scope, place: o.name, outlet: o, attendees: o.members, recordedBy: (org.secretary?.row.name as string) ?? org.name };
  const host = o.members[0]!.person.id;
  const pace = 0.5 + 4 * rng.next(); // outreach per month at this outlet
  for (const month of months) {
    const [y, mo] = [month.slice(0, 4), Number(month.slice(5, 7))];
    const when = (d: number) => day(month, d);
    const fraud = rng.poisson(pace);
    for (let i = 0; i < fraud; i++) {
      const date = when(rng.int(1, 28));
      if (date < opened || date > g.today) continue;
      const topic = rng.pick(FRAUD_TOPICS);
      hold(g, m, { ...base, type: 'anti_fraud', title: `${o.name}反诈宣传：${topic}`, date, time: '10:00', minutes: [60, 180], topic, host, reach: rng.int(20, 300) }, draw);
    }
    if (SERVICE_TYPES.has(o.type) && rng.chance(0.8)) {
      const date = when(rng.int(1, 28));
      const topic = rng.pick(SERVICE_TOPICS);
      if (date >= opened && date <= g.today) hold(g, m, { ...base, type: 'pioneer_service', title: `${y}年${mo}月${topic}`, date, time: '09:30', minutes: [90, 240], topic, host, reach: rng.int(10, 120) }, draw);
    }
    if (o.type === 'rural' && mo % 3 === 1 && rng.chance(HELD)) {
      const date = day(addMonths(month, rng.int(0, 2)), rng.int(1, 28));
      const topic = rng.pick(RURAL_TOPICS);
      if (date >= opened && date <= g.today) hold(g, m, { ...base, type: 'rural_revitalization', title: `党建+乡村振兴：${topic}`, date, time: '14:00', minutes: [120, 240], topic, host, reach: rng.int(15, 200) }, draw);
    }
  }
}

function branchWork(g: Gen, m: CountyModel, org: OrgRec, months: string[], draw: Draw): void {
  const { rng } = draw;
  const sec = org.secretary;
  const base = { org, scope: org.scope, host: sec?.id ?? null, recordedBy: (sec?.row.name as string) ?? org.name, place: `${org.name}党员活动室`, attendees: org.members };
  const ok = (date: string) => date <= g.today && rng.chance(HELD);
  for (const month of months) {
    const [y, mo] = [month.slice(0, 4), Number(month.slice(5, 7))];
    const lecture = day(month, rng.int(1, 28));
    if (ok(lecture)) {
      const topic = rng.pick(LECTURE_TOPICS);
      hold(g, m, { ...base, type: 'micro_lecture', title: `${y}年${mo}月五分钟微党课：${topic}`, date: lecture, time: '08:30', minutes: [5, 15], topic, lecturer: rng.pick(org.members).person.id }, draw);
    }
    if (mo % 3 === 0) {
      const quiz = day(month, rng.int(1, 28));
      const topic = rng.pick(QUIZ_TOPICS);
      if (ok(quiz)) hold(g, m, { ...base, type: 'quiz', title: `${y}年第${mo / 3}季度党建知识闯关赛`, date: quiz, time: '15:00', minutes: [30, 60], topic }, draw);
    }
    if (mo === 7 && ok(`${y}-07-01`)) {
      hold(g, m, { ...base, type: 'oath_renewal', title: `${y}年“七一”重温入党誓词`, date: `${y}-07-01`, time: '09:00', minutes: [30, 60], topic: '重温入党誓词' }, draw);
    }
  }
}

export function buildChannelWork(g: Gen, m: CountyModel): void {
  if (!g.channelWork) return;
  const draw: Draw = {
    rng: Rng.derive(g.seed, 'channel-work', m.index),
    ids: new IdMaker(deriveSeed(g.seed, 'channel-work-ids', m.index), toMs(g.today) - 200 * 86_400_000 + m.index * 5_000_000),
  };
  const months = windowMonths(g);
  for (const org of m.orgs) if (org.holdsMeetings && org.members.length) branchWork(g, m, org, months, draw);
  for (const o of m.outlets) if (o.org && o.members.length) outletWork(g, m, o, o.org, months, draw);
}
