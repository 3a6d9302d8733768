/*
 * The embeds a newsroom can add by URL, and the markup each provider documents for embedding,
 * built from the URL's pattern alone: no request leaves the server (no oEmbed), so adding an embed
 * works offline and tells no provider what the newsroom is writing about. The markup then goes
 * through the allow-list sanitizer (./sanitize.ts) like any other embed, and renders behind the
 * reader site's click-to-load facade. Short links (youtu.be is the exception: its id is in the
 * path) would need a request to resolve, so they are not taken.
 */

/** The providers, as staff read them in messages. */
export const EMBED_PROVIDERS = [
  'YouTube',
  'Vimeo',
  'X',
  'Instagram',
  'TikTok',
  'Datawrapper',
  'Flourish',
  'DocumentCloud',
  'Google Maps',
] as const;
export type EmbedProvider = (typeof EMBED_PROVIDERS)[number];

export interface EmbedMarkup {
  provider: EmbedProvider;
  html: string;
}

const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function frame(provider: EmbedProvider, src: string, title: string, width: string, height: string): EmbedMarkup {
  return {
    provider,
    html: `<iframe src="${attr(src)}" width="${width}" height="${height}" title="${attr(title)}" allowfullscreen></iframe>`,
  };
}

const host = (url: URL) => url.hostname.toLowerCase().replace(/^(www|m|mobile)\./, '');

/** Seconds from YouTube's t= / start= ("90", "90s", "1m30s"), or undefined. */
function youtubeStart(url: URL): number | undefined {
  const value = url.searchParams.get('t') ?? url.searchParams.get('start');
  const match = value ? /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value) : null;
  if (!match || !value) return undefined;
  const seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return seconds > 0 ? seconds : undefined;
}

function youtube(url: URL): EmbedMarkup | undefined {
  const name = host(url);
  let id: string | undefined;
  if (name === 'youtu.be') id = /^\/([\w-]{11})$/.exec(url.pathname)?.[1];
  else if (name === 'youtube.com' || name === 'youtube-nocookie.com') {
    id =
      (url.pathname === '/watch' ? url.searchParams.get('v') : undefined) ??
      /^\/(?:embed|shorts|live|v)\/([\w-]{11})\/?$/.exec(url.pathname)?.[1];
  }
  if (!id || !/^[\w-]{11}$/.test(id)) return undefined;
  const start = youtubeStart(url);
  // The no-cookie host sets no tracking cookie until the video plays.
  return frame(
    'YouTube',
    `https://www.youtube-nocookie.com/embed/${id}${start ? `?start=${start}` : ''}`,
    'YouTube video',
    '560',
    '315',
  );
}

function vimeo(url: URL): EmbedMarkup | undefined {
  const name = host(url);
  const match =
    name === 'vimeo.com'
      ? /^\/(?:channels\/[\w-]+\/|groups\/[\w-]+\/videos\/)?(\d+)(?:\/([0-9a-f]+))?\/?$/.exec(url.pathname)
      : name === 'player.vimeo.com'
        ? /^\/video\/(\d+)\/?$/.exec(url.pathname)
        : null;
  if (!match?.[1]) return undefined;
  // An unlisted video's address carries its privacy hash, which the player needs as h=.
  const hash = match[2] ?? url.searchParams.get('h');
  return frame(
    'Vimeo',
    `https://player.vimeo.com/video/${match[1]}${hash && /^[0-9a-f]+$/.test(hash) ? `?h=${hash}` : ''}`,
    'Vimeo video',
    '640',
    '360',
  );
}

function xPost(url: URL): EmbedMarkup | undefined {
  if (!['x.com', 'twitter.com'].includes(host(url))) return undefined;
  const id = /^\/[\w]{1,15}\/status(?:es)?\/(\d{1,20})\/?$/.exec(url.pathname)?.[1];
  // The frame X's own widget script makes; without the script (which the sanitizer would remove) a
  // blockquote embed is only a link.
  return id
    ? frame('X', `https://platform.twitter.com/embed/Tweet.html?id=${id}`, 'Post on X', '550', '600')
    : undefined;
}

function instagram(url: URL): EmbedMarkup | undefined {
  if (host(url) !== 'instagram.com') return undefined;
  const match = /^\/(?:[\w.]+\/)?(p|reel|tv)\/([\w-]+)\/?$/.exec(url.pathname);
  return match
    ? frame('Instagram', `https://www.instagram.com/${match[1]}/${match[2]}/embed/`, 'Instagram post', '400', '600')
    : undefined;
}

function tiktok(url: URL): EmbedMarkup | undefined {
  if (host(url) !== 'tiktok.com') return undefined;
  const id =
    /^\/@[\w.-]+\/video\/(\d{1,25})\/?$/.exec(url.pathname)?.[1] ??
    /^\/embed\/(?:v2\/)?(\d{1,25})\/?$/.exec(url.pathname)?.[1];
  return id ? frame('TikTok', `https://www.tiktok.com/embed/v2/${id}`, 'TikTok video', '325', '740') : undefined;
}

function datawrapper(url: URL): EmbedMarkup | undefined {
  const name = host(url);
  const match =
    name === 'datawrapper.dwcdn.net'
      ? /^\/([A-Za-z0-9]{5})(?:\/(\d+))?\/?$/.exec(url.pathname)
      : name === 'app.datawrapper.de'
        ? /^\/(?:chart|map|table)\/([A-Za-z0-9]{5})(?:\/[\w-]*)?\/?$/.exec(url.pathname)
        : null;
  if (!match?.[1]) return undefined;
  const version = match[2] ? `${match[2]}/` : '';
  return frame(
    'Datawrapper',
    `https://datawrapper.dwcdn.net/${match[1]}/${version}`,
    'Datawrapper chart',
    '100%',
    '450',
  );
}

function flourish(url: URL): EmbedMarkup | undefined {
  if (!['public.flourish.studio', 'flo.uri.sh', 'app.flourish.studio'].includes(host(url))) return undefined;
  const match = /^\/(visualisation|story)\/(\d{1,12})(?:\/(?:embed|edit)?)?\/?$/.exec(url.pathname);
  return match
    ? frame('Flourish', `https://flo.uri.sh/${match[1]}/${match[2]}/embed`, 'Flourish visualisation', '100%', '575')
    : undefined;
}

function documentCloud(url: URL): EmbedMarkup | undefined {
  if (!['documentcloud.org', 'embed.documentcloud.org', 'beta.documentcloud.org'].includes(host(url))) return undefined;
  const slug = /^\/documents\/(\d{1,12}(?:-[\w-]{1,200})?)(?:\.html)?\/?$/.exec(url.pathname)?.[1];
  return slug
    ? frame(
        'DocumentCloud',
        `https://embed.documentcloud.org/documents/${slug}/?embed=1&responsive=1`,
        'DocumentCloud document',
        '100%',
        '600',
      )
    : undefined;
}

function googleMaps(url: URL): EmbedMarkup | undefined {
  const name = host(url);
  const mapsHost = name === 'maps.google.com' || (name === 'google.com' && url.pathname.startsWith('/maps'));
  if (!mapsHost) return undefined;
  const map = (src: string) => frame('Google Maps', src, 'Google map', '600', '450');
  // An address copied from "Embed a map" is already the embed.
  if (url.pathname === '/maps/embed' && url.searchParams.get('pb'))
    return map(`https://www.google.com/maps/embed?pb=${encodeURIComponent(url.searchParams.get('pb') ?? '')}`);
  const place = /^\/maps\/place\/([^/]+)/.exec(url.pathname)?.[1];
  const at = /\/@(-?\d{1,3}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)(?:,(\d{1,2}(?:\.\d+)?)z)?/.exec(url.pathname);
  const query = url.searchParams.get('q') ?? (place ? decodeURIComponent(place.replace(/\+/g, ' ')) : undefined);
  if (!query && !at) return undefined;
  const params = new URLSearchParams();
  params.set('q', query ?? `${at?.[1]},${at?.[2]}`);
  if (at?.[3]) params.set('z', String(Math.round(Number(at[3]))));
  params.set('output', 'embed');
  return map(`https://www.google.com/maps?${params.toString()}`);
}

const RULES = [youtube, vimeo, xPost, instagram, tiktok, datawrapper, flourish, documentCloud, googleMaps];

/** The provider's embed markup for a URL, or undefined when no provider we know has it (or it is not https). */
export function embedForUrl(address: string): EmbedMarkup | undefined {
  const trimmed = address.trim();
  if (!/^https?:\/\//i.test(trimmed) || !URL.canParse(trimmed)) return undefined;
  const url = new URL(trimmed);
  if (url.username || url.password || (url.port && url.port !== '443' && url.port !== '80')) return undefined;
  for (const rule of RULES) {
    const found = rule(url);
    if (found) return found;
  }
  return undefined;
}
