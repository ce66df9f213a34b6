/**
 * Image mode's heading and introduction, on the first page: the page shows them as soon as it
 * opens on image mode, while image mode's chunk (its settings, canvases and words) is still
 * loading, and image mode shows the same ones once it is in, in the same place.
 */
import { t } from '../../i18n';
import './imageIntro.css';

export function ImageIntro({ titleId }: { readonly titleId?: string }) {
  return (
    <>
      <h2 id={titleId} className="image-mode__title">{t('image.title')}</h2>
      <p className="image-mode__intro">{t('image.intro')}</p>
    </>
  );
}
