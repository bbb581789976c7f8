/**
 * Offers a reader whose browser prefers the other script the same page in it, once; remembers an
 * explicit choice. The root never redirects for crawlers: only a reader's stored choice moves them,
 * and only when they arrive from elsewhere (a link inside the site is always followed as is).
 */
const KEY = 'yiqihui-variant';

function preferredLang(languages: readonly string[]): 'zh-Hans' | 'zh-Hant' | undefined {
  for (const tag of languages) {
    if (/^zh-(hant|tw|hk|mo)\b/i.test(tag)) return 'zh-Hant';
    if (/^zh(-(hans|cn|sg|my))?\b/i.test(tag)) return 'zh-Hans';
  }
  return undefined;
}

function remember(lang: string) {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // Storage may be disabled; the offer just comes back next time.
  }
}

function stored(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

const current = document.documentElement.lang;
const switchLink = document.querySelector<HTMLAnchorElement>('a[data-variant-switch]');
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-variant-switch]')) {
  link.addEventListener('click', () => remember(link.hreflang));
}

const choice = stored();
const fromInside = document.referrer !== '' && new URL(document.referrer).origin === location.origin;
if (choice && choice !== current && switchLink?.hreflang === choice && !fromInside) {
  location.replace(switchLink.href);
} else if (!choice && switchLink && preferredLang(navigator.languages) === switchLink.hreflang) {
  const offer = document.getElementById('variant-offer');
  if (offer) {
    offer.hidden = false;
    offer.querySelector('[data-accept]')?.addEventListener('click', () => remember(switchLink.hreflang));
    offer.querySelector('[data-dismiss]')?.addEventListener('click', () => {
      remember(current);
      offer.hidden = true;
    });
  }
}
