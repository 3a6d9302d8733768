import { html, type SafeHtml } from '../../http/html.ts';
import { type EmbedSource, sanitizeEmbed } from '../../content/sanitize.ts';
import type { Translator } from '../../i18n/i18n.ts';

// Names readers know, for the hosts the sanitizer lets embeds frame.
const PROVIDERS: Record<string, string> = {
  'www.youtube.com': 'YouTube',
  'www.youtube-nocookie.com': 'YouTube',
  'player.vimeo.com': 'Vimeo',
  'www.google.com': 'Google Maps',
  'open.spotify.com': 'Spotify',
  'w.soundcloud.com': 'SoundCloud',
  'www.openstreetmap.org': 'OpenStreetMap',
  'datawrapper.dwcdn.net': 'Datawrapper',
  'flo.uri.sh': 'Flourish',
  'platform.twitter.com': 'X',
  'www.instagram.com': 'Instagram',
  'www.tiktok.com': 'TikTok',
  'embed.documentcloud.org': 'DocumentCloud',
};

function providerOf(url: URL): string {
  return PROVIDERS[url.hostname] ?? url.hostname.replace(/^www\./, '');
}

/** Where a reader without scripts can see the thing itself: the provider's own page where we know it. */
function sourcePage(url: URL): string {
  const youtube = /^\/embed\/([\w-]+)/.exec(url.pathname);
  if (youtube && PROVIDERS[url.hostname] === 'YouTube') return `https://www.youtube.com/watch?v=${youtube[1]}`;
  const vimeo = /^\/video\/(\d+)/.exec(url.pathname);
  if (vimeo && url.hostname === 'player.vimeo.com') return `https://vimeo.com/${vimeo[1]}`;
  const post = url.searchParams.get('id');
  if (url.hostname === 'platform.twitter.com' && post && /^\d+$/.test(post)) return `https://x.com/i/status/${post}`;
  if (url.hostname === 'www.instagram.com') return url.href.replace(/embed\/?$/, '');
  const document = /^\/documents\/([\w-]+)/.exec(url.pathname);
  if (document && url.hostname === 'embed.documentcloud.org')
    return `https://www.documentcloud.org/documents/${document[1]}`;
  const map = url.hostname === 'www.google.com' && url.pathname === '/maps' && url.searchParams.get('q');
  if (map) return `https://www.google.com/maps?q=${encodeURIComponent(map)}`;
  return url.href;
}

/**
 * An embed block. Anything that would load from another host (a frame, an image) is held back in
 * an inert <template> behind a facade: provider, title, caption, a link to the source, and a
 * button that the embeds script (src/site/browser/embeds.ts) shows and wires to swap the real
 * embed in. No request leaves the site until the reader asks. Embeds that load nothing from
 * elsewhere (a table, a quote) render as they are. The newsroom's editor previews embeds with
 * this same function.
 */
export function embedBlock(embed: { html: string; caption?: string | undefined }, t: Translator): SafeHtml {
  const { html: clean, source } = sanitizeEmbed(embed.html);
  const caption = embed.caption ? html`<figcaption>${embed.caption}</figcaption>` : '';
  if (!source) return html`<figure class="embed">${clean}${caption}</figure>`;
  return html`<figure class="embed">${facade(source, embed.caption, t)}<template class="embed-content">${clean}</template>${caption}</figure>`;
}

function facade(source: EmbedSource, caption: string | undefined, t: Translator): SafeHtml {
  const url = new URL(source.url);
  const provider = providerOf(url);
  const title = source.title || caption || '';
  return html`<div class="embed-facade" data-provider="${provider}">
<p class="embed-provider">${provider}</p>${title ? html`<p class="embed-title">${title}</p>` : ''}
<p class="embed-notice">${t.t('embed.notice', { provider })}</p>
<p class="embed-actions"><button type="button" class="embed-load" data-embed-load hidden>${t.t(source.kind === 'frame' ? 'embed.load' : 'embed.loadImage', { provider })}</button> <a class="embed-source" href="${sourcePage(url)}" rel="noopener noreferrer nofollow">${t.t('embed.open', { provider })}</a></p>
</div>`;
}
