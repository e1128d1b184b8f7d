/**
 * Client enhancement for the relation network: tooltips, and on hover or
 * keyboard focus a node's neighbours and links stand out while the rest
 * fades. Plain DOM over the build-time SVG: the links of the node in focus
 * are drawn on demand from the edge list the figure carries.
 */
import { addTooltips } from './BaseMap.client.ts';

const SVG = 'http://www.w3.org/2000/svg';

export function enhanceNetwork(figure: HTMLElement): void {
  addTooltips(figure);
  const neighbours = new Map<string, Set<string>>();
  const list = figure.querySelector<SVGGElement>('[data-edges]')?.dataset.edges ?? '';
  for (const pair of list.split(';')) {
    const [source, target] = pair.split(' ');
    if (!source || !target) continue;
    neighbours.set(source, (neighbours.get(source) ?? new Set()).add(target));
    neighbours.set(target, (neighbours.get(target) ?? new Set()).add(source));
  }
  for (const svg of figure.querySelectorAll<SVGSVGElement>('svg.chart__artboard')) {
    const nodes = [...svg.querySelectorAll<SVGAElement>('a.network__node')];
    const byId = new Map(nodes.map((node) => [node.dataset.id ?? '', node]));
    const centre = (node: SVGAElement) => {
      const box = (node.firstElementChild as SVGGraphicsElement).getBBox();
      return `${box.x + box.width / 2},${box.y + box.height / 2}`;
    };
    const overlay = document.createElementNS(SVG, 'path');
    overlay.setAttribute('class', 'network__active-edges');
    svg.querySelector('.network__edges')?.after(overlay);

    const highlight = (id: string | undefined) => {
      svg.classList.toggle('is-highlighting', id !== undefined);
      const near = id ? (neighbours.get(id) ?? new Set<string>()) : new Set<string>();
      for (const node of nodes) {
        const nodeId = node.dataset.id ?? '';
        node.classList.toggle('is-active', nodeId === id);
        node.classList.toggle('is-neighbour', near.has(nodeId));
      }
      const from = id ? byId.get(id) : undefined;
      overlay.setAttribute(
        'd',
        from
          ? [...near]
              .flatMap((other) => {
                const to = byId.get(other);
                return to ? [`M${centre(from)}L${centre(to)}`] : [];
              })
              .join('')
          : '',
      );
    };
    for (const node of nodes) {
      node.addEventListener('pointerenter', () => highlight(node.dataset.id));
      node.addEventListener('focus', () => highlight(node.dataset.id));
      node.addEventListener('pointerleave', () => highlight(undefined));
      node.addEventListener('blur', () => highlight(undefined));
    }
  }
}
