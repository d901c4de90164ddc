// Resident ID numbers (GB 11643-1999): 6-digit area code, birth date, 3-digit sequence whose
// parity is the sex, and an ISO 7064 MOD 11-2 check character. The simulator makes valid ones;
// the pipeline's PII scan recognises them.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export function makeIdNumber(areaCode: string, birthDate: string, sequence: number): string {
  const first17 = `${areaCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

/** An 18-character ID number whose check character and birth date are valid. */
export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const time = Date.parse(`${birth}T00:00:00Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== birth) return false;
  return idCheckCharacter(value.slice(0, 17)) === value[17];
}

/** Every valid ID number inside a text (for scanning free text and columns). */
export function findIdNumbers(text: string): string[] {
  return (text.match(/\d{17}[\dX]/g) ?? []).filter(isValidIdNumber);
}

/** Mainland mobile numbers: 11 digits starting 13-19. */
export const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
