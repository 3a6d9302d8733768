import { html, type SafeHtml } from '../../http/html.ts';
import { type ImageRef, imageSources } from '../../media/images.ts';

/** A responsive <picture>: WebP and original-format renditions, intrinsic size, lazy unless above the fold. */
export function picture(image: ImageRef, alt: string, sizes: string, options: { eager?: boolean; preferredWidth?: number } = {}): SafeHtml {
  const sources = imageSources(image, options.preferredWidth);
  return html`<picture><source type="image/webp" srcset="${sources.webpSrcset}" sizes="${sizes}"><img src="${sources.src}" srcset="${sources.srcset}" sizes="${sizes}" width="${sources.width}" height="${sources.height}" alt="${alt}"${options.eager ? html` fetchpriority="high"` : html` loading="lazy" decoding="async"`}></picture>`;
}
