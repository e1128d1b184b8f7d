/**
 * Client enhancement for the build-time charts (map and network): a tooltip
 * for marks that carry `data-tip`, and zoom and pan for the map. Plain DOM,
 * no d3: the charts are complete without this script.
 */

/** Show a tooltip for every `[data-tip]` link in `root` on hover and keyboard focus. */
export function addTooltips(root: HTMLElement): void {
  const tooltip = document.createElement('div');
  tooltip.className = 'chart__tooltip';
  tooltip.setAttribute('role', 'status');
  tooltip.hidden = true;
  const name = document.createElement('strong');
  const detail = document.createElement('span');
  tooltip.append(name, detail);
  root.append(tooltip);

  const show = (target: Element) => {
    const label = target.getAttribute('aria-label') ?? target.querySelector('text')?.textContent ?? '';
    name.textContent = label;
    detail.textContent = target.getAttribute('data-tip') ?? '';
    tooltip.hidden = false;
    const box = target.getBoundingClientRect();
    const frame = root.getBoundingClientRect();
    const mark = target.querySelector('path, circle, rect') ?? target;
    const anchor = mark.getBoundingClientRect();
    const x = anchor.left + anchor.width / 2 - frame.left;
    const top = Math.min(anchor.top, box.top) - frame.top;
    const width = tooltip.offsetWidth;
    tooltip.style.left = `${Math.max(0, Math.min(frame.width - width, x - width / 2))}px`;
    tooltip.style.top = `${Math.max(0, top - tooltip.offsetHeight - 6)}px`;
  };
  const hide = () => {
    tooltip.hidden = true;
  };
  for (const mark of root.querySelectorAll('[data-tip]')) {
    mark.addEventListener('pointerenter', () => show(mark));
    mark.addEventListener('pointerleave', hide);
    mark.addEventListener('focus', () => show(mark));
    mark.addEventListener('blur', hide);
  }
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
}

interface View {
  k: number;
  cx: number;
  cy: number;
}

const MAX_ZOOM = 8;

/** Tooltips, plus zoom (buttons, double click, ctrl/pinch wheel) and drag to pan on every artboard of a map figure. */
export function enhanceMap(figure: HTMLElement): void {
  addTooltips(figure);
  const frame = figure.querySelector<HTMLElement>('.chart__frame');
  if (!frame) return;
  const svgs = [...frame.querySelectorAll<SVGSVGElement>('svg')];
  const sizes = new Map(svgs.map((svg) => [svg, { width: svg.viewBox.baseVal.width, height: svg.viewBox.baseVal.height }]));
  const view: View = { k: 1, cx: 0.5, cy: 0.5 };

  const apply = () => {
    const half = 0.5 / view.k;
    view.cx = Math.min(1 - half, Math.max(half, view.cx));
    view.cy = Math.min(1 - half, Math.max(half, view.cy));
    for (const svg of svgs) {
      const { width, height } = sizes.get(svg)!;
      svg.setAttribute('viewBox', `${(view.cx - half) * width} ${(view.cy - half) * height} ${width / view.k} ${height / view.k}`);
      svg.style.setProperty('--zoom', String(view.k));
    }
    figure.classList.toggle('is-zoomed', view.k > 1);
    reset.disabled = view.k === 1;
    zoomOut.disabled = view.k === 1;
    zoomIn.disabled = view.k >= MAX_ZOOM;
  };
  const zoom = (factor: number, cx = view.cx, cy = view.cy) => {
    const k = Math.min(MAX_ZOOM, Math.max(1, view.k * factor));
    // Keep the point under the cursor in place.
    view.cx = cx + (view.cx - cx) * (view.k / k);
    view.cy = cy + (view.cy - cy) * (view.k / k);
    view.k = k;
    apply();
  };

  // The buttons are in the page already (hidden without script), so that their row takes its room from the first paint.
  const controls = figure.querySelector<HTMLElement>('[data-zoom-controls]') ?? document.createElement('div');
  const button = (which: string, action: () => void) => {
    const element = controls.querySelector<HTMLButtonElement>(`button[data-zoom="${which}"]`) ?? document.createElement('button');
    element.addEventListener('click', action);
    return element;
  };
  const zoomIn = button('in', () => zoom(2));
  const zoomOut = button('out', () => zoom(0.5));
  const reset = button('reset', () => {
    view.k = 1;
    apply();
  });
  // Above the map, not over it, where the buttons would hide labels.
  controls.hidden = false;

  /** Where a client point falls on the visible artboard, as a share (0..1) of the whole map. */
  const share = (svg: SVGSVGElement, clientX: number, clientY: number) => {
    const box = svg.getBoundingClientRect();
    const half = 0.5 / view.k;
    return {
      x: view.cx - half + ((clientX - box.left) / box.width) * (1 / view.k),
      y: view.cy - half + ((clientY - box.top) / box.height) * (1 / view.k),
    };
  };

  for (const svg of svgs) {
    svg.addEventListener('dblclick', (event) => {
      event.preventDefault();
      const point = share(svg, event.clientX, event.clientY);
      zoom(2, point.x, point.y);
    });
    svg.addEventListener(
      'wheel',
      (event) => {
        // Plain wheel scrolls the page; ctrl + wheel (and a trackpad pinch) zooms.
        if (!event.ctrlKey) return;
        event.preventDefault();
        const point = share(svg, event.clientX, event.clientY);
        zoom(event.deltaY < 0 ? 1.25 : 0.8, point.x, point.y);
      },
      { passive: false },
    );
    let drag: { x: number; y: number; cx: number; cy: number; moved: boolean } | undefined;
    let suppressClickUntil = 0;
    // A drag that moved must not also follow the link it started on.
    svg.addEventListener(
      'click',
      (event) => {
        if (performance.now() < suppressClickUntil) event.preventDefault();
      },
      { capture: true },
    );
    svg.addEventListener('pointerdown', (event) => {
      if (view.k === 1 || event.button !== 0) return;
      drag = { x: event.clientX, y: event.clientY, cx: view.cx, cy: view.cy, moved: false };
    });
    svg.addEventListener('pointermove', (event) => {
      if (!drag) return;
      const box = svg.getBoundingClientRect();
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      if (!drag.moved) svg.setPointerCapture(event.pointerId);
      drag.moved = true;
      view.cx = drag.cx - dx / box.width / view.k;
      view.cy = drag.cy - dy / box.height / view.k;
      apply();
    });
    const end = () => {
      if (drag?.moved) suppressClickUntil = performance.now() + 400;
      drag = undefined;
    };
    svg.addEventListener('pointerup', end);
    svg.addEventListener('pointercancel', () => {
      drag = undefined;
    });
  }
  apply();
}
