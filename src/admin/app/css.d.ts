// Stylesheets imported by the web app's TypeScript are bundled by esbuild (src/http/browser-bundle.ts).
declare module '*.css';
