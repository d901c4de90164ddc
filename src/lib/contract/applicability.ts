// The one applicability rule: whether an indicator means something for an org unit, from the
// catalogue's `appliesTo` (a county-level table, a share of an area's care that one institution
// cannot have). The resolver answers `notApplicable` with it; the pages (components/indicator.ts)
// say 不适用 with it instead of asking. Shared by pages and server: no zod, strings from the i18n
// dictionaries.
import { translate } from '../i18n';
import { LANGS, type Applicability, type Lang, type OrgUnit, type Text } from './contract';

/** The unit as the rule reads it: its level and, for an institution, its type when known. */
export type ApplicableUnit = Pick<OrgUnit, 'kind' | 'name' | 'type'>;

/** Whether `applies` holds for `unit`; an institution whose type is not known is given the benefit. */
export function applies(applies: Applicability, unit: Pick<OrgUnit, 'kind' | 'type'>): boolean {
  if (!applies.levels.includes(unit.kind)) return false;
  return unit.kind !== 'institution' || !applies.institutionTypes || !unit.type || applies.institutionTypes.includes(unit.type);
}

/** Why the indicator does not apply to `unit`, in both languages; null where it applies. */
export function notApplicableReason(appliesTo: Applicability, unit: ApplicableUnit): Text | null {
  if (applies(appliesTo, unit)) return null;
  const reason = (lang: Lang) => {
    const org = unit.name[lang];
    if (appliesTo.why) return translate(lang, 'applies.because', { org, why: appliesTo.why[lang] });
    const names = appliesTo.levels.map((l) => translate(lang, `kind.${l}`));
    return translate(lang, 'applies.levels', {
      org,
      level: names[names.length - 1],
      levels: names.join(translate(lang, 'applies.separator'))
    });
  };
  return Object.fromEntries(LANGS.map((lang) => [lang, reason(lang)])) as Text;
}
