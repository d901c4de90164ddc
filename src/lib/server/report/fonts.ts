// The CJK fonts shipped for the PDF report (fonts/README.md says what they hold and why).
// Found relative to the working directory, which is the repository for `npm run demo`,
// `npm start` and the tests: a bundled server has no source tree beside its chunks.
// HCI_REPORT_FONT_DIR points elsewhere for a deployment that runs from another folder.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ReportFonts {
  regular: Buffer;
  bold: Buffer;
}

let cached: ReportFonts | undefined;

export function reportFonts(): ReportFonts {
  if (cached) return cached;
  const dir = resolve(process.env.HCI_REPORT_FONT_DIR || 'src/lib/server/report/fonts');
  try {
    cached = {
      regular: readFileSync(join(dir, 'NotoSansSC-Regular-subset.otf')),
      bold: readFileSync(join(dir, 'NotoSansSC-Bold-subset.otf'))
    };
  } catch (err) {
    throw new Error(`report fonts not found in ${dir} (run from the repository or set HCI_REPORT_FONT_DIR): ${String(err)}`, {
      cause: err
    });
  }
  return cached;
}
