// Folding names, phones and emails so "ACME Robotics, Inc." and "Acme Robotics" or "华为技术有限公司"
// and "华为技术" are seen as the same company when checking for duplicates.

const SUFFIXES = [
  '股份有限公司', '有限责任公司', '有限公司', '集团公司', '集团', '公司',
  'incorporated', 'corporation', 'company', 'limited', 'gmbh', 'corp', 'inc', 'llc', 'ltd', 'plc', 'co', 'ag', 'sa', 'bv',
];

// Compiled once: an import normalizes every row's name, and building these per call dominated it.
const SUFFIX_RES = SUFFIXES.map((suffix) => (/^[a-z]+$/.test(suffix) ? new RegExp(`\\s${suffix}$`) : new RegExp(`${suffix}$`)));

/** Full-width letters, digits and punctuation to their half-width forms (NFKC), case kept. */
export function foldWidth(text: string): string {
  return text.normalize('NFKC');
}

/** Full width to half width and lower case, spaces kept: for matching what people type. */
export function foldForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The company name without case, width, spaces, punctuation or legal suffix. */
export function normalizeName(name: string): string {
  let s = foldForMatch(name).replace(/[\p{P}\p{S}]+/gu, ' ').trim();
  let changed = true;
  while (changed) {
    changed = false;
    for (const re of SUFFIX_RES) {
      if (re.test(s) && s.replace(re, '').trim()) {
        s = s.replace(re, '').trim();
        changed = true;
      }
    }
  }
  return s.replace(/\s+/g, '');
}

export function normalizePhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.normalize('NFKC').replace(/\D/g, '');
  return digits.length >= 5 ? digits : null;
}

export function normalizeEmail(email: string | null | undefined): string | null {
  const e = email?.normalize('NFKC').trim().toLowerCase();
  return e && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) ? e : null;
}
