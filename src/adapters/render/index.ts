/**
 * Rendering at the edge: the briefing as HTML (with its charts and map as SVG) and as PDF.
 */
export { renderBriefingHtml } from './briefing-html.js';
export { renderChartSvg } from './charts.js';
export { chromiumArgs, chromiumCandidates, pdfTemplates, writePdf } from './pdf.js';
