import { render } from 'preact';
import { App } from './app.tsx';
import { followAppLinks } from './router.ts';
import './app.css';

const root = document.getElementById('app');
if (root) {
  const { locale, site, timeZone } = root.dataset;
  followAppLinks(root);
  render(<App locale={locale === 'es' ? 'es' : 'en'} site={site ?? 'Gaceta'} timeZone={timeZone ?? 'UTC'} />, root);
}
