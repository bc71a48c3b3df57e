// The synthetic province: 14 city companies modelled on Shaanxi (the ten prefecture cities plus
// four separately run areas), 112 county-level units with their GB/T 2260 region codes.
// `u` marks an urban district (fewer rural outlets, more community stations); provinceCounties keeps
// about 1 in 4 counties urban for any size.
// The first county of each city is the city seat (it gets the flagship stores).
import { pinyin } from 'pinyin-pro';
import type { Rng } from './prng.js';

interface CitySpec {
  code: string;
  name: string;
  counties: string; // "name:region[:u]" separated by spaces
}

const CITIES: CitySpec[] = [
  { code: 'xa', name: '西安', counties: '雁塔区:610113:u 新城区:610102:u 碑林区:610103:u 莲湖区:610104:u 灞桥区:610111:u 未央区:610112:u 阎良区:610114:u 临潼区:610115 长安区:610116:u 高陵区:610117 鄠邑区:610118 蓝田县:610122 周至县:610124' },
  { code: 'tc', name: '铜川', counties: '王益区:610202:u 印台区:610203:u 耀州区:610204 宜君县:610222' },
  { code: 'bj', name: '宝鸡', counties: '金台区:610303:u 渭滨区:610302:u 陈仓区:610304 凤翔区:610305 岐山县:610323 扶风县:610324 眉县:610326 陇县:610327 千阳县:610328 麟游县:610329 凤县:610330 太白县:610331' },
  { code: 'xy', name: '咸阳', counties: '秦都区:610402:u 渭城区:610404:u 三原县:610422 泾阳县:610423 乾县:610424 礼泉县:610425 永寿县:610426 长武县:610428 旬邑县:610429 淳化县:610430 武功县:610431 兴平市:610481 彬州市:610482' },
  { code: 'wn', name: '渭南', counties: '临渭区:610502:u 华州区:610503 潼关县:610522 大荔县:610523 合阳县:610524 澄城县:610525 蒲城县:610526 白水县:610527 富平县:610528 华阴市:610582' },
  { code: 'ya', name: '延安', counties: '宝塔区:610602:u 安塞区:610603 延长县:610621 延川县:610622 志丹县:610625 吴起县:610626 甘泉县:610627 富县:610628 洛川县:610629 宜川县:610630 黄龙县:610631 黄陵县:610632 子长市:610681' },
  { code: 'hz', name: '汉中', counties: '汉台区:610702:u 南郑区:610703 城固县:610722 洋县:610723 西乡县:610724 勉县:610725 宁强县:610726 略阳县:610727 镇巴县:610728 留坝县:610729 佛坪县:610730' },
  { code: 'yl', name: '榆林', counties: '榆阳区:610802:u 横山区:610803 靖边县:610824 定边县:610825 绥德县:610826 米脂县:610827 佳县:610828 吴堡县:610829 清涧县:610830 子洲县:610831' },
  { code: 'ak', name: '安康', counties: '汉滨区:610902:u 汉阴县:610921 石泉县:610922 宁陕县:610923 紫阳县:610924 岚皋县:610925 平利县:610926 镇坪县:610927 旬阳市:610981 白河县:610929' },
  { code: 'sl', name: '商洛', counties: '商州区:611002:u 洛南县:611021 丹凤县:611022 商南县:611023 山阳县:611024 镇安县:611025 柞水县:611026' },
  { code: 'ylq', name: '杨凌', counties: '杨陵区:610403:u' },
  { code: 'hc', name: '韩城', counties: '韩城市:610581' },
  { code: 'sm', name: '神府', counties: '神木市:610881 府谷县:610822' },
  { code: 'xx', name: '西咸新区', counties: '沣东新城:611101:u 沣西新城:611102:u 秦汉新城:611103:u 空港新城:611104:u 泾河新城:611105' },
];

export interface City {
  code: string;
  name: string;
  index: number;
}

export interface County {
  code: string; // e.g. xa-lintong
  name: string; // e.g. 临潼区
  shortName: string; // 临潼
  region: string; // 610115
  urban: boolean;
  seat: boolean;
  city: City;
}

function stripSuffix(name: string): string {
  const short = name.replace(/(新城|区|县|市)$/, '');
  return short.length ? short : name;
}

function codeOf(cityCode: string, name: string, used: Set<string>): string {
  const base = `${cityCode}-${pinyin(stripSuffix(name), { toneType: 'none', type: 'array' }).join('').replace(/[^a-z]/g, '')}`;
  let code = base;
  for (let i = 2; used.has(code); i++) code = `${base}${i}`;
  used.add(code);
  return code;
}

/** Spreads `n` counties over the cities in proportion to their real size (largest remainder). */
function allocate(n: number): number[] {
  const sizes = CITIES.map((c) => c.counties.split(' ').length);
  const total = sizes.reduce((a, b) => a + b, 0);
  const exact = sizes.map((s) => (n * s) / total);
  const alloc = exact.map(Math.floor);
  let left = n - alloc.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    alloc[i]!++;
  }
  return alloc;
}

/** The counties of a province of `n` counties; the choice among a city's counties depends on the seed. */
export function provinceCounties(n: number, rng: Rng): { cities: City[]; counties: County[] } {
  const alloc = allocate(n);
  const cities: City[] = [];
  const counties: County[] = [];
  const used = new Set<string>();
  CITIES.forEach((spec, ci) => {
    const k = alloc[ci]!;
    if (k === 0) return;
    const city: City = { code: spec.code, name: spec.name, index: cities.length };
    cities.push(city);
    const all = spec.counties.split(' ').map((s, idx) => {
      const [name, region, u] = s.split(':') as [string, string, string | undefined];
      return { name, region, urban: u === 'u', idx };
    });
    // The seat always; the rest drawn by the seed and kept in list order.
    const rest = rng.sample(all.slice(1), Math.max(0, k - 1)).sort((a, b) => a.idx - b.idx);
    const chosen = [all[0]!, ...rest];
    // More counties than the real list: new development zones numbered after the city.
    for (let extra = 1; chosen.length < k; extra++) {
      chosen.push({ name: `${spec.name}第${extra}开发区`, region: `${all[0]!.region.slice(0, 4)}${String(70 + (extra % 30)).padStart(2, '0')}`, urban: extra % 3 === 0, idx: 1000 + extra });
    }
    for (const c of chosen) {
      counties.push({
        code: codeOf(spec.code, c.name, used), name: c.name, shortName: stripSuffix(c.name), region: c.region, urban: c.urban,
        seat: c.idx === 0, city,
      });
    }
  });
  // About 1 in 4 counties are urban districts whatever n is: flagged city seats first, then other flagged districts.
  const districts = Math.round(n / 4);
  const flagged = [...counties.filter((c) => c.urban && c.seat), ...counties.filter((c) => c.urban && !c.seat)];
  flagged.forEach((c, i) => (c.urban = i < districts));
  return { cities, counties };
}

/** Region codes of the whole province (birthplaces of people who work away from home). */
export const PROVINCE_REGIONS: string[] = CITIES.flatMap((c) => c.counties.split(' ').map((s) => s.split(':')[1]!));
