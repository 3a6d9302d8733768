/*
 * The pricing page in the reader's currency: the page is the same for every reader (so it can be
 * cached), and shows the newsroom's first currency unless the address asks for another
 * (?currency=mxn). A reader who has not chosen one is taken once to the currency of their
 * browser's region, when it is offered: es-MX to mxn, en-US to usd, de-DE to eur.
 */
const EURO_AREA = 'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK'.split(' ');

function regionOf(language: string): string | undefined {
  try {
    return new Intl.Locale(language).maximize().region;
  } catch {
    return undefined;
  }
}

// Most currencies' ISO 4217 codes start with their country's ISO 3166 code (MXN, USD, GBP, COP).
const matches = (currency: string, region: string): boolean =>
  currency === 'eur' ? EURO_AREA.includes(region) : currency.slice(0, 2).toUpperCase() === region;

function choose(): void {
  if (new URLSearchParams(location.search).has('currency')) return;
  const links = Array.from(document.querySelectorAll<HTMLAnchorElement>('a[data-currency]'));
  const offered = links.map((link) => link.dataset.currency ?? '');
  for (const language of navigator.languages ?? [navigator.language]) {
    const region = regionOf(language);
    const currency = region && offered.find((code) => matches(code, region));
    if (!currency) continue;
    const link = links[offered.indexOf(currency)];
    if (link && !link.hasAttribute('aria-current')) location.replace(link.href);
    return;
  }
}

choose();
