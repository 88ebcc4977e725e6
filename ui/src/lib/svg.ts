// The backend's charts are SVG documents with a fixed width and height. Giving them a viewBox
// lets CSS scale them to the column instead of cropping them.

export function scalableSvg(svg: string): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open || /viewBox=/.test(open[0])) return svg;
  const width = /\swidth="([\d.]+)/.exec(open[0]);
  const height = /\sheight="([\d.]+)/.exec(open[0]);
  if (!width || !height) return svg;
  const tag = open[0].replace(/^<svg\b/, `<svg viewBox="0 0 ${width[1]} ${height[1]}"`);
  return svg.replace(open[0], tag);
}
