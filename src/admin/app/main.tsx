import { render } from 'preact';
import { App } from './app.tsx';
import './app.css';

const root = document.getElementById('app');
if (root) {
  const { locale, site, timeZone } = root.dataset;
  render(<App locale={locale === 'es' ? 'es' : 'en'} site={site ?? 'Gaceta'} timeZone={timeZone ?? 'UTC'} />, root);
}
