// Feed HTML to plain text: tags stripped, entities decoded, scripts and images dropped, and
// the text cut early so a hostile item cannot grow memory.

import { compile } from 'html-to-text';

const toText = compile({
  wordwrap: false,
  decodeEntities: true,
  limits: { maxInputLength: 200_000, maxDepth: 64 },
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'iframe', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'table', format: 'block' },
    { selector: 'ul', options: { itemPrefix: '- ' } },
  ],
});

export function htmlToPlainText(html: string, maxLength: number): string {
  const input = html.length > maxLength * 4 ? html.slice(0, maxLength * 4) : html;
  const text = /[<&]/.test(input) ? toText(input) : input;
  const collapsed = text.replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
  return collapsed.length > maxLength ? `${collapsed.slice(0, maxLength - 1)}…` : collapsed;
}
