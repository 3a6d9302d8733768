import { createHash } from 'node:crypto';
import { FOCAL_STEP } from './picture.ts';

// Where the site's accent colour (settings.accentColor: labels, hovered links, quote rules) goes.
const ACCENT_SLOT = '%ACCENT%';

/**
 * Story cards crop their image to 16:9 (the demo's and most cameras' shape, so most images lose
 * nothing), keeping the editor's focal point in view: one class per axis and step (focalClasses()).
 */
const FOCAL_CSS = Array.from({ length: 100 / FOCAL_STEP + 1 }, (_, i) => i * FOCAL_STEP)
  .map((at) => `.fx-${at}{--fx:${at}%}.fy-${at}{--fy:${at}%}`)
  .join('');

// One small stylesheet, served under a hash of its text and the accent colour, so it can be cached
// for a year: the accent is part of its address, and the reader pages' CSP allows no inline style.
const TEMPLATE = `
:root{--ink:#1a1a1a;--muted:#555;--rule:#ddd;--accent:${ACCENT_SLOT};--paper:#fff;--max:72rem;
font-family:Georgia,"Times New Roman",serif;color:var(--ink);background:var(--paper);line-height:1.5}
*{box-sizing:border-box}body{margin:0}
a{color:inherit}a:hover{color:var(--accent)}
:focus-visible{outline:3px solid #1d5fd1;outline-offset:2px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:10}
.masthead{border-bottom:3px double var(--ink);padding:1rem;text-align:center;position:relative}
.account-link{position:absolute;top:.5rem;right:1rem;margin:0;font-family:system-ui,sans-serif;font-size:.9rem}
.site-title{font-size:clamp(1.8rem,5vw,3rem);margin:.25rem 0;font-weight:700;letter-spacing:-.02em}
.site-title a{text-decoration:none}
nav ul{list-style:none;display:flex;flex-wrap:wrap;justify-content:center;gap:.25rem 1.25rem;margin:.5rem 0 0;padding:0;
font-family:system-ui,sans-serif;font-size:.95rem}
nav a{text-decoration:none;padding:.4rem 0;display:inline-block}nav a[aria-current]{border-bottom:2px solid var(--accent)}
main{max-width:var(--max);margin:0 auto;padding:1rem}
.label{font-family:system-ui,sans-serif;text-transform:uppercase;letter-spacing:.06em;font-size:.75rem;color:var(--accent);font-weight:700;margin:0 0 .25rem}
.card{display:flex;flex-direction:column;gap:.35rem;border-top:1px solid var(--rule);padding-top:.75rem}
.card h3,.card h2{margin:0;line-height:1.2;font-size:1.15rem}.card-lead h2{font-size:clamp(1.5rem,3.5vw,2.3rem)}
.card h2 a,.card h3 a{text-decoration:none}
.card .dek{margin:0;color:var(--muted)}
.meta{font-family:system-ui,sans-serif;font-size:.8rem;color:var(--muted);margin:0;display:flex;gap:.75rem;flex-wrap:wrap}
.card img,.figure img{width:100%;height:auto;display:block;background:#eee}
.card img,.inline-card img{aspect-ratio:16/9;object-fit:cover;object-position:var(--fx,50%) var(--fy,50%)}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:1.5rem;padding:0;margin:0;list-style:none}
.card-small{display:grid;grid-template-columns:7rem 1fr;column-gap:.75rem;align-content:start}
.card-small picture{grid-row:span 4}.card-small h3{font-size:1rem}.card-small .dek{font-size:.9rem}
.lead .grid{grid-template-columns:1fr;gap:1rem}
.lead{display:grid;gap:1.5rem;grid-template-columns:1fr}@media(min-width:50rem){.lead{grid-template-columns:2fr 1fr}}
.lead .grid.secondary{margin-top:1rem}
@media(max-width:49.99rem){.card-secondary{display:grid;grid-template-columns:7rem 1fr;column-gap:.75rem;align-content:start}.card-secondary picture{grid-row:span 4}.card-secondary h3{font-size:1rem}.card-secondary .dek{font-size:.9rem}}
@media(min-width:50rem){.lead .grid.secondary{grid-template-columns:1fr 1fr;gap:1.5rem;margin-top:1.5rem}}
.block-title{font-family:system-ui,sans-serif;font-size:1rem;text-transform:uppercase;letter-spacing:.08em;border-bottom:2px solid var(--ink);padding-bottom:.25rem;margin:2rem 0 1rem}
.block-title a{text-decoration:none}
.archive-header{margin-bottom:1.5rem}.archive-header h1{font-size:clamp(1.9rem,4vw,2.6rem);line-height:1.1;margin:.25rem 0 .5rem}.archive-header .dek{color:var(--muted);margin:0}
article.story{max-width:44rem;margin:0 auto}
.story h1{font-size:clamp(1.9rem,5vw,3rem);line-height:1.1;margin:.25rem 0 .5rem}
.story .dek{font-size:1.25rem;color:var(--muted);margin:0 0 1rem}
.byline{font-family:system-ui,sans-serif;font-size:.9rem;margin:0}.byline a{font-weight:600}
.dates{font-family:system-ui,sans-serif;font-size:.85rem;color:var(--muted);margin:.25rem 0 1rem}
.figure{margin:1.5rem 0}.figure figcaption{font-family:system-ui,sans-serif;font-size:.85rem;color:var(--muted);margin-top:.4rem}
.credit{text-transform:uppercase;font-size:.72rem;letter-spacing:.04em;margin-left:.35rem}
.body{font-size:1.15rem}.body h2{font-size:1.5rem;margin-top:2rem}.body blockquote{border-left:4px solid var(--accent);margin:1.5rem 0;padding:.25rem 1rem;font-style:italic}
.dateline{font-family:system-ui,sans-serif;font-weight:700;font-size:.9rem;text-transform:uppercase;letter-spacing:.04em}
.inline-card{border:1px solid var(--rule);padding:.75rem;margin:1.5rem 0;display:grid;grid-template-columns:7rem 1fr;gap:.75rem;align-items:start}
.inline-card img{width:100%;height:auto}.inline-card p{margin:0}.inline-card a{text-decoration:none;font-weight:700}
.inline-card .dek{font-size:.95rem;margin-top:.25rem}
.body blockquote footer{font-style:normal;font-family:system-ui,sans-serif;font-size:.85rem;color:var(--muted)}
.body blockquote footer::before{content:"— "}
.embed{margin:1.5rem 0}.embed iframe,.embed img{max-width:100%;border:0}.embed figcaption{font-family:system-ui,sans-serif;font-size:.85rem;color:var(--muted);margin-top:.4rem}
.embed-facade{border:1px solid var(--rule);background:#f4f1ea;padding:1.25rem;font-family:system-ui,sans-serif;min-height:12rem;display:flex;flex-direction:column;justify-content:center;gap:.35rem}
.embed-facade p{margin:0}.embed-provider{font-size:.75rem;text-transform:uppercase;letter-spacing:.06em;font-weight:700;color:var(--accent)}
.embed-title{font-family:Georgia,"Times New Roman",serif;font-size:1.15rem;font-weight:700}.embed-notice{font-size:.85rem;color:var(--muted)}
.embed-actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin-top:.5rem}
.embed-load{font:inherit;font-weight:600;background:var(--ink);color:#fff;border:0;padding:.55rem 1rem;border-radius:.25rem;cursor:pointer}.embed-load:hover{background:var(--accent)}
.notice{border:1px solid var(--rule);background:#faf7f2;padding:.75rem 1rem;font-family:system-ui,sans-serif;font-size:.9rem;margin:1rem 0}
.notice strong{color:var(--accent)}.notice p{margin:0}.notice p+p{margin-top:.5rem}
.paywall{border-top:4px solid var(--accent);background:#faf7f2;padding:1.25rem 1.5rem;margin:0 0 2rem;font-family:system-ui,sans-serif}
.paywall h2{font-size:1.35rem;line-height:1.2;margin:0 0 .5rem}.paywall p{margin:0 0 1rem}
.meter{border-left:4px solid var(--accent);background:#faf7f2;padding:.75rem 1rem;margin:0 0 2rem;font-family:system-ui,sans-serif}
.paywall-actions{display:flex;flex-wrap:wrap;gap:.75rem 1.25rem;align-items:center}.paywall .paywall-actions{margin:0}
.paywall-action{background:var(--ink);color:#fff;text-decoration:none;font-weight:600;padding:.6rem 1.1rem;border-radius:.25rem}.paywall-action:hover{background:var(--accent);color:#fff}
.attribution{font-style:italic;color:var(--muted)}
.archive-header.with-photo{display:grid;grid-template-columns:8rem 1fr;column-gap:1.25rem;align-items:start}.with-photo>*{grid-column:2}
.with-photo .author-photo{grid-column:1;grid-row:1/span 4}.author-photo img{width:8rem;height:8rem;object-fit:cover;border-radius:50%;display:block}
.author-links ul{justify-content:flex-start;margin:.75rem 0 0}.author-links a{text-decoration:underline}
.site-title img{max-height:4.5rem;max-width:100%;width:auto;height:auto;display:inline-block;vertical-align:middle}
.tags ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem;justify-content:flex-start}.tags a{font-family:system-ui,sans-serif;font-size:.85rem;border:1px solid var(--rule);padding:.2rem .6rem;border-radius:1rem;text-decoration:none}
.pagination{display:flex;justify-content:space-between;font-family:system-ui,sans-serif;margin:2rem 0}
.site-footer{border-top:1px solid var(--rule);margin-top:3rem;padding:1rem;font-family:system-ui,sans-serif;font-size:.85rem;color:var(--muted);text-align:center}
.corrections-list li{margin-bottom:1rem}
.pricing h1{font-size:clamp(1.9rem,5vw,3rem);line-height:1.1;margin:.25rem 0 .5rem}.pricing .dek{font-size:1.2rem;color:var(--muted)}
.currencies ul{justify-content:flex-start}.currencies a{border:1px solid var(--rule);padding:.3rem .8rem;border-radius:1rem}
.tiers{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1.5rem;margin:1.5rem 0}
.tier{border:1px solid var(--rule);border-top:4px solid var(--accent);padding:1rem 1.25rem;display:flex;flex-direction:column;gap:.5rem}
.tier h2{margin:0}.tier p{margin:0}.price{font-family:system-ui,sans-serif;font-size:1.1rem;font-weight:700}
.saving{font-size:.85rem;font-weight:400;color:var(--accent)}.trial{font-family:system-ui,sans-serif;font-size:.9rem}
.benefits{padding-left:1.2rem;margin:.25rem 0}.subscribe{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:auto}
.button{display:inline-block;font-family:system-ui,sans-serif;font-weight:600;background:var(--ink);color:#fff;text-decoration:none;padding:.55rem 1rem;border-radius:.25rem}.button:hover{background:var(--accent);color:#fff}
.member form label{font-family:system-ui,sans-serif;font-weight:600;font-size:.95rem}
.member form input:not([type=hidden]){font:inherit;font-family:system-ui,sans-serif;width:100%;max-width:24rem;padding:.5rem .6rem;border:1px solid #6b6b6b;border-radius:.25rem;margin-top:.25rem}
.member form button{font:inherit;font-family:system-ui,sans-serif;font-weight:600;background:var(--ink);color:#fff;border:0;padding:.6rem 1.1rem;border-radius:.25rem;cursor:pointer}.member form button:hover{background:var(--accent)}
.subscriptions{list-style:none;padding:0}.subscriptions li{border-left:4px solid var(--accent);padding:.25rem 1rem;margin:.75rem 0}.subscriptions p{margin:.25rem 0}
.payments{border-collapse:collapse;font-family:system-ui,sans-serif;font-size:.9rem;width:100%}.payments th,.payments td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid var(--rule)}.refunded{color:var(--accent)}
.offer{font-family:system-ui,sans-serif;font-size:1.1rem}
.preview-banner{background:#fff4ce;border:2px solid #8a6d00;color:#1a1a1a;font-family:system-ui,sans-serif;font-weight:700;padding:.6rem 1rem;margin:0 auto 1rem;max-width:44rem;text-align:center}
${FOCAL_CSS}
`.replace(/\n/g, '');

const VERSION = createHash('sha1').update(TEMPLATE).digest('hex').slice(0, 10);
const FILE = new RegExp(`^${VERSION}-([0-9a-f]{6})\\.css$`);

/** Where the stylesheet in this accent colour (#rrggbb) is served; its name says all its content. */
export function stylesheetPath(accent: string): string {
  return `/assets/site/${VERSION}-${accent.slice(1).toLowerCase()}.css`;
}

/** The stylesheet a file name under /assets/site/ stands for, or undefined for a name no page links to. */
export function stylesheetFor(file: string): string | undefined {
  const accent = FILE.exec(file)?.[1];
  return accent ? TEMPLATE.replace(ACCENT_SLOT, `#${accent}`) : undefined;
}
