import sharp from 'sharp';
import type { DemoImage } from './demo/index.ts';

const WIDTH = 1600;
const HEIGHT = 900;

// Simple shapes per motif, drawn as SVG and rasterised locally: the demo never downloads a picture.
function motifShapes(motif: DemoImage['motif'], ink: string): string {
  switch (motif) {
    case 'skyline':
      return Array.from(
        { length: 14 },
        (_, i) =>
          `<rect x="${i * 115}" y="${420 + ((i * 97) % 260)}" width="95" height="${480 - ((i * 97) % 260)}" fill="${ink}" opacity="0.8"/>`,
      ).join('');
    case 'mountains':
      return `<polygon points="0,900 380,300 700,900" fill="${ink}" opacity="0.7"/><polygon points="450,900 900,220 1350,900" fill="${ink}" opacity="0.85"/><polygon points="1100,900 1450,380 1600,520 1600,900" fill="${ink}" opacity="0.6"/>`;
    case 'sea':
      return Array.from(
        { length: 6 },
        (_, i) =>
          `<path d="M0 ${560 + i * 60} Q 400 ${520 + i * 60} 800 ${560 + i * 60} T 1600 ${560 + i * 60} V 900 H 0 Z" fill="${ink}" opacity="${0.15 + i * 0.1}"/>`,
      ).join('');
    case 'fields':
      return Array.from(
        { length: 8 },
        (_, i) =>
          `<polygon points="0,${500 + i * 50} 1600,${450 + i * 60} 1600,${480 + i * 60} 0,${530 + i * 50}" fill="${ink}" opacity="${0.2 + (i % 3) * 0.2}"/>`,
      ).join('');
    case 'crowd':
      return Array.from(
        { length: 40 },
        (_, i) =>
          `<circle cx="${40 + ((i * 41) % 1560)}" cy="${600 + ((i * 53) % 200)}" r="${28 + (i % 4) * 6}" fill="${ink}" opacity="0.75"/>`,
      ).join('');
    case 'sun':
      return `<circle cx="1150" cy="330" r="170" fill="${ink}" opacity="0.9"/><rect y="700" width="1600" height="200" fill="${ink}" opacity="0.5"/>`;
    case 'market':
      return Array.from(
        { length: 8 },
        (_, i) =>
          `<polygon points="${i * 200},560 ${i * 200 + 100},450 ${i * 200 + 200},560" fill="${ink}" opacity="0.85"/><rect x="${i * 200 + 15}" y="560" width="170" height="240" fill="${ink}" opacity="0.45"/>`,
      ).join('');
    case 'stadium':
      return `<ellipse cx="800" cy="640" rx="720" ry="220" fill="${ink}" opacity="0.55"/><ellipse cx="800" cy="660" rx="520" ry="140" fill="#2f7d32" opacity="0.9"/><line x1="800" y1="520" x2="800" y2="800" stroke="#fff" stroke-width="6"/>`;
  }
}

/** A 1600×900 JPEG illustration for a demo image. */
export async function drawIllustration(image: Pick<DemoImage, 'palette' | 'motif'>): Promise<Buffer> {
  const [top, bottom] = image.palette;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs>
<rect width="${WIDTH}" height="${HEIGHT}" fill="url(#g)"/>${motifShapes(image.motif, '#1b1b1b')}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}
