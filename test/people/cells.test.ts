// Pure rules of the roster importer: header variants and the cleaning of messy cell values.
import { describe, expect, it } from 'vitest';
import { fromExcelSerial, parseCitizenId, parseDate, parseEnum, parseEthnicity, parseGender, parsePhone } from '../../shared/people/cells.js';
import { detectHeader, fieldForHeader } from '../../shared/people/headers.js';

const text = (v: string) => ({ t: 'text' as const, v });
const num = (v: number) => ({ t: 'number' as const, v });

describe('header mapping', () => {
  it('maps the common Chinese variants, decorated or not', () => {
    const cases: Record<string, string> = {
      姓名: 'name', 党员姓名: 'name', '*姓名（必填）': 'name', 公民身份号码: 'citizenId', '身份证号码\n(18位)': 'citizenId', 身份证号: 'citizenId',
      出生年月: 'birthDate', 出生日期: 'birthDate', 入党时间: 'joinDate', 入党日期: 'joinDate', 转正时间: 'fullDate', 所在党支部: 'branch',
      党组织名称: 'branch', 手机: 'phone', 联系电话: 'phone', 学历: 'education', 文化程度: 'education', 网点: 'outletName', 所在网点: 'outletName',
      渠道名称: 'outletName', 渠道编码: 'outletCode', 人员类别: 'politicalStatus', 党员类型: 'politicalStatus', 性别: 'gender', 民族: 'ethnicity',
      '姓 名': 'name', '＊身份证号': 'citizenId',
    };
    for (const [h, f] of Object.entries(cases)) expect(fieldForHeader(h), h).toBe(f);
    expect(fieldForHeader('序号')).toBeNull();
    expect(fieldForHeader('临潼区分公司党员花名册（2026年11月）所有在册党员的基本情况一览')).toBeNull();
  });

  it('finds the header row under title rows and maps a repeated title once', () => {
    const rows = [['某某支部党员花名册'], ['填报单位：xx'], [], ['序号', '姓名', '身份证号', '姓名']];
    expect(detectHeader(rows)).toEqual({ row: 3, mapping: [null, 'name', 'citizenId', null] });
    expect(detectHeader([['月份', '数量']])).toBeNull();
  });
});

describe('cell values', () => {
  it('reads dates written every way rosters write them', () => {
    const iso = (c: Parameters<typeof parseDate>[0]) => {
      const r = parseDate(c);
      return r.ok ? r.v : r.problem;
    };
    expect(iso(text('2008-07-01'))).toBe('2008-07-01');
    expect(iso(text('2008/7/1'))).toBe('2008-07-01');
    expect(iso(text('2008.7.1'))).toBe('2008-07-01');
    expect(iso(text('2008年7月1日'))).toBe('2008-07-01');
    expect(iso(text('２００８年７月１日'))).toBe('2008-07-01');
    expect(iso(text('20080701'))).toBe('2008-07-01');
    expect(iso(text('2008.07'))).toBe('2008-07-01');
    expect(iso(text('2008年7月'))).toBe('2008-07-01');
    expect(iso(num(39630))).toBe('2008-07-01'); // an Excel serial
    expect(iso(text('39630'))).toBe('2008-07-01');
    expect(iso(num(2008.07))).toBe('2008-07-01');
    expect(iso(num(20080701))).toBe('2008-07-01');
    expect(iso({ t: 'date', v: '2008-07-01' })).toBe('2008-07-01');
    expect(iso(text('2008-02-30'))).toBe('date.invalid');
    expect(iso(text('2008'))).toBe('date.year_only');
    expect(iso(text('去年'))).toBe('date.invalid');
    expect(iso({ t: 'formula' })).toBe('cell.unreadable');
    expect(fromExcelSerial(1)).toBe('1900-01-01');
    expect(fromExcelSerial(61)).toBe('1900-03-01');
  });

  it('says when a numeric year.month is ambiguous (1985.1 may be October)', () => {
    const r = parseDate(num(1985.1));
    expect(r).toEqual({ ok: true, v: '1985-01-01', note: 'date.month_ambiguous' });
    expect(parseDate(text('1985.06'))).toEqual({ ok: true, v: '1985-06-01', note: 'date.month_only' });
  });

  it('cleans ids: full-width, spaces, lowercase x; an id Excel turned into a number is refused', () => {
    expect(parseCitizenId(text('１１０１０５ 1949 1231 002x'))).toEqual({ ok: true, v: '11010519491231002X' });
    expect(parseCitizenId(num(610115198506150000))).toEqual({ ok: false, problem: 'citizen_id.number' });
    expect(parseCitizenId(text('6.10115E+17'))).toEqual({ ok: false, problem: 'citizen_id.number' });
  });

  it('cleans phones, genders, ethnicities and coded values', () => {
    expect(parsePhone(text('139-1234 5678'))).toEqual({ ok: true, v: '13912345678' });
    expect(parsePhone(text('+86 13912345678'))).toEqual({ ok: true, v: '13912345678' });
    expect(parsePhone(num(13912345678))).toEqual({ ok: true, v: '13912345678' });
    expect(parseGender(text('女性'))).toEqual({ ok: true, v: 'female' });
    expect(parseGender(text('未知'))).toEqual({ ok: false, problem: 'enum.gender' });
    expect(parseEthnicity(text('回'))).toEqual({ ok: true, v: '回族' });
    expect(parseEthnicity(text('火星族'))).toEqual({ ok: false, problem: 'enum.ethnicity' });
    expect(parseEnum('politicalStatus', text('正式党员'))).toEqual({ ok: true, v: 'full_member' });
    expect(parseEnum('politicalStatus', text('中共预备党员'))).toEqual({ ok: true, v: 'probationary' });
    expect(parseEnum('education', text('大学本科'))).toEqual({ ok: true, v: 'bachelor' });
    expect(parseEnum('education', text('高中/中专'))).toEqual({ ok: true, v: 'senior' });
    expect(parseEnum('employment', text('合作方员工'))).toEqual({ ok: true, v: 'partner_staff' });
    expect(parseEnum('post', text('宇航员'))).toEqual({ ok: false, problem: 'enum.post' });
  });
});
