// Word lists for synthetic people, places and activities. Surname weights follow the order of
// frequency of common Chinese surnames (roughly: 王 李 张 刘 陈 … each ~7% down to well under 1%).
import type { Rng } from './prng.js';

const SURNAMES_BY_FREQ =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';

const SURNAMES: (readonly [string, number])[] = [...SURNAMES_BY_FREQ].map((s, i) => [s, 1 / (i + 6)] as const);

const GIVEN_MALE = [...'伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳建国峰亮成志海东文博毅晨昊轩睿泽然哲瑞'];
const GIVEN_FEMALE = [...'芳娜敏静丽艳娟霞秀玲桂英红梅琳燕萍雪倩婷慧颖佳悦欣怡瑶琪璐晶丹蕾洁妍菲薇莉荣兰月'];
const GIVEN_COMMON = [...'文晓小雨子思一嘉心宏志春海立新永玉德金晨欣'];

export function personName(rng: Rng, male: boolean, birthYear: number): string {
  const surname = rng.weighted(SURNAMES);
  const own = male ? GIVEN_MALE : GIVEN_FEMALE;
  // Two-character given names are the norm for people born after ~1970; single ones still common.
  const twoChars = rng.chance(birthYear >= 1980 ? 0.72 : 0.6);
  if (!twoChars) return surname + rng.pick(own);
  const first = rng.chance(0.45) ? rng.pick(GIVEN_COMMON) : rng.pick(own);
  let second = rng.pick(own);
  if (second === first) second = rng.pick(own);
  return surname + first + second;
}

export const TOWNS = [
  '城关', '东关', '西关', '南关', '北街', '新街', '桥头', '河口', '马家', '王家', '杨庄', '柳林', '高桥', '三里', '石门', '龙泉',
  '太平', '新民', '和平', '兴隆', '永乐', '长乐', '安乐', '东风', '红旗', '白鹿', '青山', '金山', '双河', '清水', '黄土', '五里',
  '张村', '李家', '赵渡', '孙庄', '枣园', '槐树', '梨园', '杏林', '古城', '新城', '南山', '北原', '官道', '铁佛', '华阳', '渭阳',
];

export const VILLAGE_SUFFIX = ['村', '村', '村', '社区', '组'];

export const SHOP_WORDS = [
  '鑫源', '恒通', '宏达', '顺发', '万家', '佳和', '诚信', '华联', '新时代', '金鑫', '天翼', '联众', '盛世', '兴旺', '嘉禾', '博远',
  '利民', '惠民', '益民', '永盛', '明珠', '星光', '如意', '美佳', '通达', '畅联', '乐购', '福满', '吉祥', '信达',
];

export const ROADS = ['人民路', '解放路', '建设路', '中山街', '文化路', '新华街', '东大街', '西大街', '南大街', '北大街', '迎宾大道', '滨河路', '车站路', '育才路'];

export const COMMUNITY_NAMES = ['幸福', '阳光', '和谐', '锦绣', '金色', '翠苑', '康乐', '馨园', '朝阳', '丽景', '怡和', '润泽'];

export const DESTINATIONS = [
  '广东省深圳市', '广东省广州市', '广东省东莞市', '浙江省杭州市', '浙江省宁波市', '江苏省苏州市', '上海市', '北京市',
  '新疆维吾尔自治区乌鲁木齐市', '内蒙古自治区鄂尔多斯市', '四川省成都市', '河南省郑州市', '甘肃省兰州市', '宁夏回族自治区银川市',
];

/** Region codes of the places many migrants come from (first 6 id digits). */
export const OUT_OF_PROVINCE_REGIONS = ['410102', '410305', '620102', '620502', '140105', '500101', '510104', '411302', '142601', '640104'];

export const EXCUSE_REASONS = ['出差', '病假', '家中有事', '值班', '外出培训', '事假', '营业厅值守'];
export const OUTBOUND_REASON = '外出流动，线上参加';

export const THEME_TOPICS = [
  '学习贯彻党的二十届四中全会精神', '重温入党誓词', '“党建+反诈”进社区', '学习党章党规', '党员先锋岗亮牌服务', '廉洁从业警示教育',
  '学习《中国共产党纪律处分条例》', '“我为群众办实事”走访', '党建+乡村振兴调研', '主题党日志愿服务', '红色教育基地参观', '党史学习交流',
];
export const LECTURE_TOPICS = [
  '新时代党员的责任与担当', '以高质量党建引领渠道高质量发展', '学习习近平新时代中国特色社会主义思想', '弘扬伟大建党精神',
  '做合格的渠道党员', '数字中国与电信人的使命', '守住廉洁底线', '党建引领网格化服务',
];
export const COMMITTEE_TOPICS = ['研究本月组织生活安排', '讨论发展党员工作', '研究党费收缴', '研究网点党建共建事项', '分析渠道经营与党建融合', '研究积极分子培养'];
export const GENERAL_TOPICS = ['通报支部季度工作', '讨论接收预备党员', '学习上级文件精神', '推选先进党员', '审议支部工作计划'];
export const VISIT_TOPICS = ['指导三会一课记录', '检查党员先锋岗', '了解党员思想动态', '宣讲近期政策', '协调渠道经营难题', '督促整改问题清单'];
