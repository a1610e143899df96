// Makes hostile or sloppy XML safe and strict-parseable before it reaches the XML parser: the
// DOCTYPE goes (no entity expansion, no external DTD or entity is ever resolved), HTML named
// entities become numeric ones, bare ampersands are escaped, and illegal control characters go.

import { decodeHTML } from 'entities';

const DOCTYPE = /<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/gi;
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
const NAMED_ENTITY = /&([A-Za-z][A-Za-z0-9]{1,31});/g;
const BARE_AMPERSAND = /&(?!#[0-9]{1,8};|#x[0-9a-fA-F]{1,8};|[A-Za-z][A-Za-z0-9]{1,31};)/g;
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

export function repairXml(xml: string): string {
  const prologEnd = Math.min(xml.length, 100_000);
  const prolog = xml.slice(0, prologEnd).replace(DOCTYPE, '');
  return (prolog + xml.slice(prologEnd))
    .replace(CONTROL, '')
    .replace(BARE_AMPERSAND, '&amp;')
    .replace(NAMED_ENTITY, (whole, name: string) => {
      if (XML_ENTITIES.has(name)) return whole;
      const decoded = decodeHTML(whole);
      if (decoded === whole) return `&amp;${name};`;
      return [...decoded].map((ch) => `&#${ch.codePointAt(0)};`).join('');
    });
}

/** The name of the document's root element, past the prolog, comments and DOCTYPE. */
export function rootElement(xml: string): string | undefined {
  let i = 0;
  for (let guard = 0; guard < 1000 && i < xml.length; guard++) {
    while (i < xml.length && /\s/.test(xml[i]!)) i++;
    if (xml.startsWith('<?', i)) i = xml.indexOf('?>', i) + 2;
    else if (xml.startsWith('<!--', i)) i = xml.indexOf('-->', i) + 3;
    else if (xml.startsWith('<!', i)) i = xml.indexOf('>', i) + 1;
    else return /^<([A-Za-z_][\w:.-]*)/.exec(xml.slice(i, i + 200))?.[1];
    if (i <= 1) return undefined; // an unterminated prolog construct
  }
  return undefined;
}

const FEED_NAMESPACES = ['http://www.w3.org/2005/Atom', 'http://purl.org/rss/1.0/'];

/**
 * rss-parser only knows unprefixed RSS 1.0 and Atom elements; a document that binds their
 * namespace to a prefix (`<a:feed xmlns:a="http://www.w3.org/2005/Atom">`) is rewritten
 * without the prefix.
 */
export function unprefixFeedElements(xml: string): string {
  const head = xml.slice(0, 5000);
  let out = xml;
  for (const ns of FEED_NAMESPACES) {
    const prefix = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${ns.replace(/[./]/g, '\\$&')}["']`).exec(head)?.[1];
    if (!prefix || prefix === 'rdf') continue;
    out = out.split(`<${prefix}:`).join('<').split(`</${prefix}:`).join('</');
  }
  return out;
}
