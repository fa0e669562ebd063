// Watches a Chromium page for what must never happen in the cabinet: a
// Content-Security-Policy violation, a dialog, or markup smuggled in by data.
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    __cspViolations?: string[];
    __xss?: unknown;
  }
}

export interface PageWatch {
  /** Everything wrong so far on this page; check it before each page.goto (a new document starts a new list). */
  problems(): Promise<string[]>;
}

/** Starts watching; call before the first page.goto. */
export async function watchPage(page: Page): Promise<PageWatch> {
  const reports: string[] = [];
  // Runs before any page script, so violations during start-up are caught too.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations!.push(`CSP ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (/content.security.policy/i.test(message.text())) reports.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    reports.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return {
    problems: async () => [...reports, ...(await page.evaluate(() => window.__cspViolations ?? [])), ...(await injectionTraces(page))],
  };
}

/** Traces of injected markup: anything here means data became code. */
export function injectionTraces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const traces: string[] = [];
    if (window.__xss !== undefined) traces.push('window.__xss is set');
    for (const el of document.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      for (const attr of el.attributes) {
        if (attr.name.startsWith('on')) traces.push(`<${tag} ${attr.name}>`);
        if (['href', 'src', 'action', 'formaction'].includes(attr.name) && /^\s*javascript:/i.test(attr.value)) traces.push(`<${tag} ${attr.name}="${attr.value}">`);
      }
      if (tag === 'img' && el.getAttribute('src') === 'x') traces.push('<img src=x>');
      if (tag === 'iframe' || tag === 'object' || tag === 'embed') traces.push(`<${tag}>`);
      if (tag === 'script' && (el.textContent ?? '').includes('__xss')) traces.push('<script> with __xss');
    }
    return traces;
  });
}
