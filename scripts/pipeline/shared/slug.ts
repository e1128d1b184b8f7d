/**
 * ASCII, lowercase, hyphen-separated slug. Diacritics are folded ("Türkiye" → "turkiye"),
 * apostrophes vanish ("Syria's" → "syrias") and anything else becomes a hyphen.
 */
export function slugify(text: string, maxLength = 64): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}
