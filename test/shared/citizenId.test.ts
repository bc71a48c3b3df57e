import { describe, expect, it } from 'vitest';
import {
  birthDateFromCitizenId, citizenIdProblem, genderFromCitizenId, makeCitizenId, maskCitizenId, normalizeCitizenId,
} from '../../shared/domain/citizenId.js';

describe('citizen id (GB 11643)', () => {
  it('accepts a published example and rejects a changed check digit', () => {
    // 11010519491231002X is the standard's worked example.
    expect(citizenIdProblem('11010519491231002X')).toBeNull();
    expect(citizenIdProblem('110105194912310021')).toBe('check_digit');
  });
  it('names what is wrong', () => {
    expect(citizenIdProblem('1101051949123100')).toBe('length');
    expect(citizenIdProblem('11010519491231002Y')).toBe('format');
    expect(citizenIdProblem('110105194902300028')).toBe('birth_date');
  });
  it('derives birth date and gender', () => {
    expect(birthDateFromCitizenId('11010519491231002X')).toBe('1949-12-31');
    expect(genderFromCitizenId('11010519491231002X')).toBe('female');
    const male = makeCitizenId('610115', '1990-02-03', 11, true);
    expect(genderFromCitizenId(male)).toBe('male');
    expect(citizenIdProblem(male)).toBeNull();
  });
  it('normalises full-width characters, spaces and a lowercase x', () => {
    expect(normalizeCitizenId('１１０１０５ 19491231002x')).toBe('11010519491231002X');
  });
  it('masks all but the first 6 and last 4', () => {
    expect(maskCitizenId('11010519491231002X')).toBe('110105********002X');
  });
});

describe('text a user keeps', () => {
  it('keeps Chinese punctuation but folds full-width letters, digits and spaces', async () => {
    const { tidyText } = await import('../../shared/domain/text.js');
    expect(tidyText('  临潼营业部（骊山）　网点１２号：ＡＢ  ')).toBe('临潼营业部（骊山） 网点12号：AB');
  });
});
