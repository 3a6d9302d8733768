import { render } from 'preact';
import { App } from './app.tsx';
import { followAppLinks } from './router.ts';
import './app.css';

const root = document.getElementById('app');
if (root) {
  const { locale, site, timeZone, uploadLimit } = root.dataset;
  followAppLinks(root);
  render(
    <App
      locale={locale === 'es' ? 'es' : 'en'}
      site={site ?? 'Gaceta'}
      timeZone={timeZone ?? 'UTC'}
      uploadLimitBytes={Number(uploadLimit) || 25 * 1024 * 1024}
    />,
    root,
  );
}
