import type { InstitutionAllowlist } from '../types';
import { normalizeEntityValue } from '../normalize';

/**
 * Local parts of mailboxes that belong to a role, not a person: whatever the domain,
 * `info@`, `admissions@`, `studentenbalie@` … are the institution's own addresses.
 */
const ROLE_MAILBOXES = new Set(
  `info informatie admissions admission admissionsoffice admissions.office studentenbalie studentenservice
  studentservice studentservices student.services servicedesk service helpdesk support contact noreply
  no-reply international internationaloffice international.office intake aanmelden aanmelding inschrijving
  inschrijvingen toelating toelatingen studievoorlichting voorlichting communicatie secretariaat receptie
  office welcome marketing press pers media finance administratie studentenadministratie examencommissie
  studentzaken webcare hr jobs vacatures stage stagebureau alumni privacy fg dpo security abuse postmaster
  webmaster sales billing facturen debiteuren collegegeld studiefinanciering onderwijsbureau
  decanaat studentendecaan ombudsman klachten klachtenloket servicepunt studiecentrum bibliotheek library
  housing accommodation visa immigration scholarships beurzen enquiries enquiry questions vragen mail
  team opleiding opleidingen events evenementen opendag opendagen`
    .split(/\s+/)
    .filter(Boolean),
);

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

export function isInstitutionEmail(email: string, allow?: InstitutionAllowlist): boolean {
  const lower = email.toLowerCase();
  const local = lower.slice(0, lower.lastIndexOf('@'));
  if (ROLE_MAILBOXES.has(local)) return true;
  if (allow?.emails?.some((e) => e.toLowerCase() === lower)) return true;
  const domain = domainOf(lower);
  return allow?.domains?.some((d) => domain === d.toLowerCase()) ?? false;
}

/**
 * Numbers that only organisations use in the Netherlands (088 company numbers, 0800/090x
 * service numbers), plus allow-listed ones. `e164` is the normalized number.
 */
export function isInstitutionPhone(e164: string, allow?: InstitutionAllowlist): boolean {
  if (/^\+31(88|800|90\d)/.test(e164)) return true;
  return allow?.phones?.some((p) => normalizeEntityValue('PHONE', p) === e164) ?? false;
}

export function isInstitutionUrl(host: string, allow?: InstitutionAllowlist): boolean {
  const h = host.toLowerCase().replace(/^www\./, '');
  return allow?.domains?.some((d) => h === d.toLowerCase() || h.endsWith('.' + d.toLowerCase())) ?? false;
}

export function isInstitutionAddress(address: string, allow?: InstitutionAllowlist): boolean {
  const key = normalizeEntityValue('ADDRESS', address);
  return (
    allow?.addresses?.some(
      (a) =>
        key.startsWith(normalizeEntityValue('ADDRESS', a)) ||
        normalizeEntityValue('ADDRESS', a).startsWith(key),
    ) ?? false
  );
}
