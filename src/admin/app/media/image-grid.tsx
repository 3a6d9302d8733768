import { useApp } from '../context.ts';
import { imageName, type LibraryImage } from './images.ts';

/**
 * Thumbnails of images as buttons, each named by its file name (the thumbnail itself is
 * decoration: the name is what a screen reader says), the chosen one pressed.
 */
export function ImageGrid(props: {
  images: readonly LibraryImage[];
  label: string;
  selectedId?: string | undefined;
  onSelect: (image: LibraryImage) => void;
}) {
  const { t } = useApp();
  return (
    <ul class="media-grid" aria-label={props.label}>
      {props.images.map((image) => (
        <li key={image.id}>
          <button
            type="button"
            class="thumb"
            data-image-id={image.id}
            aria-pressed={image.id === props.selectedId ? 'true' : 'false'}
            onClick={() => props.onSelect(image)}
          >
            <img src={image.src} srcset={image.srcset} sizes="10rem" alt="" loading="lazy" />
            <span class="name">{imageName(image, t('media.untitled'))}</span>
            {!image.alt && <span class="no-alt">{t('media.noAlt')}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
