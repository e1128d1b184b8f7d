/**
 * Chart scripts start when their chart comes near the viewport, not on page
 * load: most charts sit below the fold, and their code (and its download)
 * would otherwise compete with the first paint for a main thread that has
 * little slack on a slow phone. The charts are complete without script, so a
 * chart never scrolled to never needs it.
 */

/** How far outside the viewport a chart starts loading, so it is ready when it scrolls in. */
const AHEAD = '300px 0px';

/**
 * Calls `start` once for each element matching `selector`, when it first
 * comes within `AHEAD` of the viewport; `load` (the dynamic import of the
 * chart's script) runs once, at the first such element.
 */
export function whenVisible(selector: string, load: () => Promise<(element: HTMLElement) => void>): void {
  const elements = [...document.querySelectorAll<HTMLElement>(selector)];
  if (elements.length === 0) return;
  let loaded: Promise<(element: HTMLElement) => void> | undefined;
  const start = (element: HTMLElement) => {
    loaded ??= load();
    loaded.then((enhance) => enhance(element)).catch((error: unknown) => console.error(error));
  };
  if (!('IntersectionObserver' in window)) {
    elements.forEach(start);
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        start(entry.target as HTMLElement);
      }
    },
    { rootMargin: AHEAD },
  );
  elements.forEach((element) => observer.observe(element));
}
