import { describe, expect, it } from 'vitest';
import { findIdNumbers, idCheckCharacter, isValidIdNumber, makeIdNumber } from '../../../datasets/contract/id-number';

describe('resident ID numbers (GB 11643)', () => {
  it('computes the published check characters', () => {
    // Worked examples of the standard: 11010519491231002X and 440524188001010014.
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(idCheckCharacter('44052418800101001')).toBe('4');
    const made = makeIdNumber('652301', '1980-05-17', 123);
    expect(made.slice(0, 17)).toBe('65230119800517123');
    expect(isValidIdNumber(made)).toBe(true);
  });

  it('rejects wrong check digits, impossible dates and wrong shapes', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('110105194902300020')).toBe(false); // 30 February
    expect(isValidIdNumber('11010519491231002')).toBe(false);
  });

  it('finds ID numbers typed into free text', () => {
    expect(findIdNumbers('胸痛待查 患者身份证号11010519491231002X 电话13899001234')).toEqual(['11010519491231002X']);
    expect(findIdNumbers('order 110105194912310021')).toEqual([]);
  });
});
