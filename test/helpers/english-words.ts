// English words in a text meant to be Chinese: what the language-leak tests (the dictionary,
// the pages' markup, the catalogue through the API) look for.

/**
 * Read as they are in Chinese text too: imaging and test names, file formats, units, codes'
 * prefixes, the platform's app names.
 */
export const ALLOWED_WORDS = new Set([
  'CT',
  'MRI',
  'DR',
  'DSA',
  'ECG',
  'PET',
  'STEMI',
  'HbA1c',
  'EMS',
  'PDF',
  'CSV',
  'XLSX',
  'JSON',
  'Parquet',
  'gzip',
  'ID',
  'JG',
  'APP',
  'App',
  'QR',
  'XPCC',
  'km',
  'kg',
  'mmHg',
  'mmol'
]);

/** The ASCII words of `text` outside ALLOWED_WORDS; `{placeholders}` are not words. */
export function englishWords(text: string): string[] {
  return (text.replace(/\{\w+\}/g, '').match(/[A-Za-z][A-Za-z0-9_]*[A-Za-z0-9]|[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED_WORDS.has(w));
}
