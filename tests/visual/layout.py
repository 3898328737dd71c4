"""Layout checks on a rendered chart, measured by the browser that draws it: every text inside
the figure, no two texts overlapping, every category label drawn, a plot at least 200 px high.

Measured in Chromium (the same one that renders the exports), not estimated: the SVG is loaded
into a page and each text's box read with `getBoundingClientRect`."""

from __future__ import annotations

MIN_PLOT_PX = 200
#: Two texts overlap when their boxes share more than this many pixels in both directions
#: (glyph boxes include a little leading; touching lines are not a collision).
OVERLAP_PX = 2

#: JavaScript: whether a text drawn inside a clipped group (Plotly's plot area) reaches past the
#: clip rectangle, i.e. is cut at the plot's edge ("10–15 min" read "10–15 r"). Shared with the
#: browser suite's phone test.
CUT_BY_PLOT = """function cutByPlot(el) {
  const r = el.getBoundingClientRect();
  const holder = el.closest('[clip-path]');
  const id = holder && (holder.getAttribute('clip-path').match(/#([^'")]+)/) || [])[1];
  const clip = id && document.getElementById(id) && document.getElementById(id).querySelector('rect');
  if (!clip) return false;
  const m = holder.getScreenCTM();
  const x = +clip.getAttribute('x') || 0, y = +clip.getAttribute('y') || 0;
  const left = m.e + m.a * x, top = m.f + m.d * y;
  const right = m.e + m.a * (x + +clip.getAttribute('width')), bottom = m.f + m.d * (y + +clip.getAttribute('height'));
  return r.left < left - 1 || r.right > right + 1 || r.top < top - 1 || r.bottom > bottom + 1;
}"""

MEASURE = (
    "() => {"
    + CUT_BY_PLOT
    + """
  const svgs = [...document.querySelectorAll('svg.main-svg')];
  const width = Math.max(...svgs.map(s => +s.getAttribute('width')));
  const height = Math.max(...svgs.map(s => +s.getAttribute('height')));
  const texts = [];
  for (const el of document.querySelectorAll('svg text')) {
    const content = el.textContent.trim();
    if (!content) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || +style.opacity === 0) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    // the text's own box, turned as it is drawn (a rotated label is a rotated rectangle)
    const b = el.getBBox(), m = el.getScreenCTM();
    const corner = (x, y) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f];
    const quad = [corner(b.x, b.y), corner(b.x + b.width, b.y), corner(b.x + b.width, b.y + b.height), corner(b.x, b.y + b.height)];
    const cls = (el.getAttribute('class') || '') + ' ' + ((el.parentNode.getAttribute && el.parentNode.getAttribute('class')) || '');
    const cut = cutByPlot(el);
    texts.push({text: content, x: r.x, y: r.y, w: r.width, h: r.height, quad, cut, cls: cls.trim()});
  }
  const drag = [...document.querySelectorAll('svg rect.nsewdrag')].map(r => r.getBoundingClientRect().height);
  return {width, height, texts, plots: drag};
}"""
)


def problems(measured: dict, categories: list[str]) -> list[str]:
    """What is wrong with one rendered chart, in words (empty when the layout is sound)."""
    out = []
    width, height = measured["width"], measured["height"]
    texts = measured["texts"]
    for box in texts:
        if (
            box["x"] < -1
            or box["y"] < -1
            or box["x"] + box["w"] > width + 1
            or box["y"] + box["h"] > height + 1
        ):
            out.append(f"text outside the figure: {box['text'][:60]!r}")
        elif box.get("cut"):
            out.append(f"text cut at the plot's edge: {box['text'][:60]!r}")
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            if _overlap(a["quad"], b["quad"]) > OVERLAP_PX:
                out.append(f"texts overlap: {a['text'][:40]!r} and {b['text'][:40]!r}")
    drawn = {box["text"] for box in texts}
    for label in categories:
        if label not in drawn:
            out.append(f"category label not drawn: {label!r}")
    for plot in measured["plots"]:
        if plot < MIN_PLOT_PX:
            out.append(f"plot area {plot:.0f} px high, under {MIN_PLOT_PX}")
    return out


def categories(figure) -> list[str]:
    """The category labels a reader must find on the chart's axes: bar names, heatmap rows and
    columns (not numbers or years, which an axis may thin out)."""
    found: list[str] = []
    for trace in figure.data:
        if trace.type == "bar":
            axis = trace.y if trace.orientation == "h" else trace.x
            found += [str(v) for v in (axis if axis is not None else ()) if isinstance(v, str)]
        elif trace.type == "heatmap":
            found += [str(v) for v in (trace.x or ()) if isinstance(v, str)]
            found += [str(v) for v in (trace.y or ()) if isinstance(v, str)]
    return list(dict.fromkeys(label.replace("<br>", "") for label in found))


def _overlap(a: list[list[float]], b: list[list[float]]) -> float:
    """How deep two convex quadrilaterals overlap, in pixels (0 if apart): the smallest overlap of
    their projections on the axes of both (the separating axis theorem), so two rotated labels
    that only share the corners of their upright bounding boxes do not count."""
    depth = float("inf")
    for quad in (a, b):
        for k in range(4):
            (x1, y1), (x2, y2) = quad[k], quad[(k + 1) % 4]
            nx, ny = y1 - y2, x2 - x1
            length = (nx * nx + ny * ny) ** 0.5
            if length == 0:
                continue
            nx, ny = nx / length, ny / length
            pa = [x * nx + y * ny for x, y in a]
            pb = [x * nx + y * ny for x, y in b]
            depth = min(depth, min(max(pa), max(pb)) - max(min(pa), min(pb)))
            if depth <= 0:
                return 0.0
    return depth
