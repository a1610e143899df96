// Links from feeds: only absolute http(s) links survive, resolved against the feed's address,
// with tracking parameters and fragments removed so one article has one canonical link.

const TRACKING = /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi|ocid|cmpid|xtor|at_medium|at_campaign|at_source|ns_mchannel|ns_source|ns_campaign|ref_src)$/i;

export function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** The host of a URL, or `fallback` when it does not parse. */
export function hostOf(url: string | undefined, fallback = ''): string {
  try {
    return url ? new URL(url).host : fallback;
  } catch {
    return fallback;
  }
}

export function canonicalLink(raw: string | undefined, base?: string): string {
  if (!raw) return '';
  let url: URL;
  try {
    url = base ? new URL(raw.trim(), base) : new URL(raw.trim());
  } catch {
    return '';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) if (TRACKING.test(name)) url.searchParams.delete(name);
  return url.toString();
}
