"""Page images: skew, table rules and the grid they draw (for OCR of scanned pages).

    estimate_skew(gray)     the rotation that levels the text lines (projection profile)
    find_rules(gray)        long, thin, solid dark runs: table rules, on a deskewed copy
    erase_rules(...)        the rules painted over on the original page, for Tesseract
    grid_tables(rules)      crossing rules grouped into tables: column and row bounds, and the
                            cells (merged where a rule between two grid positions is missing)

Pixels in, pixels out; numpy only, no OpenCV.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise
from typing import Any


@dataclass
class Rule:
    horizontal: bool
    pos: float  # y of a horizontal rule, x of a vertical one (deskewed, pixels)
    start: float
    end: float

    def scaled(self, factor: float) -> Rule:
        return Rule(self.horizontal, self.pos * factor, self.start * factor, self.end * factor)


def rotate(point: tuple[float, float], centre: tuple[float, float], angle: float) -> tuple[float, float]:
    """A point of the page image in the frame PIL's `rotate(angle)` would make (about the centre)."""
    a = math.radians(angle)
    x, y = point[0] - centre[0], point[1] - centre[1]
    return (centre[0] + x * math.cos(a) + y * math.sin(a), centre[1] - x * math.sin(a) + y * math.cos(a))


# ---------------------------------------------------------------- skew


def estimate_skew(gray: Any, limit: float = 3.0) -> float:
    """The angle (degrees, PIL's sense) that makes the text lines level: the one whose rotated
    row profile of dark pixels is the most peaked."""
    import numpy as np  # noqa: PLC0415

    ys, xs = np.nonzero(gray < 140)
    if len(ys) < 500:
        return 0.0
    step = max(1, len(ys) // 150_000)
    ys, xs = ys[::step].astype(np.float64), xs[::step].astype(np.float64)
    xs -= gray.shape[1] / 2

    def peak(angle: float) -> float:
        rows = np.round(ys + xs * math.tan(math.radians(angle))).astype(np.int64)
        rows -= rows.min()
        counts = np.bincount(rows)
        return float(np.dot(counts, counts))

    coarse = max(np.arange(-limit, limit + 1e-9, 0.2), key=peak)
    fine = max(np.arange(coarse - 0.2, coarse + 0.2 + 1e-9, 0.02), key=peak)
    return -round(float(fine), 2)  # the rotation that undoes the tilt found


# ---------------------------------------------------------------- rules


def find_rules(gray: Any) -> list[Rule]:
    """Long straight dark runs: table rules (pixels of the deskewed image).

    Scans are grey and noisy and rules faint, so each pixel takes the darkest of its neighbours
    across the rule (a rule drifts a pixel), and short breaks along a rule are bridged.
    """
    import numpy as np  # noqa: PLC0415

    img = np.asarray(gray, dtype=np.uint8)  # min and compare only: no wider type needed
    height, width = img.shape
    across = np.minimum(np.minimum(img[1:-1], img[:-2]), img[2:])
    rules = _runs(across, across < 185, max(80, width // 12), True, bridge=12)
    if len(rules) < 2:
        # a table needs two horizontal rules: without them the vertical pass (most of this
        # function's time, over every letter's stem) can find nothing of use
        return rules
    # vertical: a short window and little bridging, or the strokes of text lines stacked one
    # above the other would join into rules
    across_v = np.minimum(np.minimum(img[:, 1:-1], img[:, :-2]), img[:, 2:]).T
    vertical = _runs(across_v, across_v < 180, max(24, height // 72), False, bridge=3)
    # a short vertical run counts only between two horizontal rules (a cell of a one-line row);
    # alone it may be a letter's stem
    long_len = max(40, height // 40)
    verticals = [v for v in vertical if v.end - v.start >= long_len or _anchored(v, rules)]
    return rules + _side_pieces(across, rules, verticals) + verticals


def _side_pieces(values: Any, horizontals: list[Rule], verticals: list[Rule], tol: float = 4.0) -> list[Rule]:
    """Short pieces of a row's rule cut off by a cell merged down beside them: the rule under
    one STT cell when the next column's cell spans several rows. Too short to be found alone,
    they are looked for only in line with a long rule, between two verticals crossing it."""
    out: list[Rule] = []
    seen: set[tuple[int, int]] = set()
    for h in horizontals:
        row = round(h.pos) - 1  # `values` starts a pixel in
        band = values[max(0, row - 2) : row + 3]
        if not band.size:
            continue
        dark = (band < 185).any(axis=0)
        xs = sorted({round(v.pos) for v in verticals if v.start - tol <= h.pos <= v.end + tol})
        for a, b in pairwise(xs):
            if b - a < 12 or (h.start - tol <= a and b <= h.end + tol) or (a, round(h.pos)) in seen:
                continue
            if a < h.end + tol and b > h.start - tol:
                continue  # partly under the long rule: not a separate piece
            gap = dark[a + 3 : b - 2]
            if gap.size and float(gap.mean()) >= 0.9:
                seen.add((a, round(h.pos)))
                out.append(Rule(True, h.pos, float(a), float(b)))
    return out


def _anchored(v: Rule, horizontals: list[Rule], tol: float = 4.0) -> bool:
    def ends_at(y: float) -> bool:
        return any(abs(h.pos - y) <= tol and h.start - tol <= v.pos <= h.end + tol for h in horizontals)

    return ends_at(v.start) and ends_at(v.end)


def _runs(values: Any, mask: Any, min_len: int, horizontal: bool, bridge: int) -> list[Rule]:
    """Rules along the rows of `mask` (True where dark enough): runs merged across neighbouring
    rows, kept when long and solid: dark almost all along its darkest row, as the serifs along
    a line of text are not."""
    import numpy as np  # noqa: PLC0415

    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    diff = np.diff(padded, axis=1)
    # one pass over the changes (a run's start is +1, its end -1), not one per sign
    at = np.flatnonzero(diff)
    rising = diff.ravel()[at] == 1
    rows_s, starts = np.divmod(at[rising], diff.shape[1])
    ends = at[~rising] % diff.shape[1]
    keep = (ends - starts) >= min_len // 3
    pieces = sorted(zip(rows_s[keep].tolist(), starts[keep].tolist(), ends[keep].tolist(), strict=True))
    groups: list[list[tuple[int, int, int]]] = []  # pieces of neighbouring rows that overlap
    spans: list[list[int]] = []  # each group's last row, start and end so far
    for row, start, end in pieces:
        for k in range(len(groups) - 1, max(len(groups) - 13, -1), -1):
            last_row, a, b = spans[k]
            if row - last_row <= 1 and start < b + bridge and end > a - bridge:
                groups[k].append((row, start, end))
                spans[k] = [row, min(a, start), max(b, end)]
                break
        else:
            groups.append([(row, start, end)])
            spans.append([row, start, end])
    rules = []
    for group in groups:
        # the rule is the group's long pieces; a letter touching it adds short ones beside it
        longest = max(e - s for _, s, e in group)
        core = [p for p in group if p[2] - p[1] >= 0.6 * longest]
        first, last = min(p[0] for p in core), max(p[0] for p in core)
        start, end = min(p[1] for p in core), max(p[2] for p in core)
        if end - start < min_len or last - first > 10:
            continue
        solid = [(float((values[r, start:end] < 185).mean()), -float(np.median(values[r, start:end])), r)
                 for r in range(first, last + 1)]
        share, darkness, row = max(solid)
        if share >= 0.95 and -darkness < 175:
            rules.append(Rule(horizontal, row + 1.0, start, end))  # +1: `values` starts a pixel in
    return rules


def erase_rules(image: Any, rules: list[Rule], angle: float, scale: float, *, paper: int = 255, width: int = 8) -> Any:
    """The page with its rules painted over in the paper's shade (rules found on the deskewed
    half-size copy)."""
    if not rules:
        return image
    from PIL import ImageDraw  # noqa: PLC0415

    out = image.copy()
    draw = ImageDraw.Draw(out)
    centre = (image.width / 2, image.height / 2)
    for rule in rules:
        if rule.horizontal:
            a, b = (rule.start * scale, rule.pos * scale), (rule.end * scale, rule.pos * scale)
        else:
            a, b = (rule.pos * scale, rule.start * scale), (rule.pos * scale, rule.end * scale)
        draw.line([rotate(a, centre, -angle), rotate(b, centre, -angle)], fill=paper, width=width)
    return out


# ---------------------------------------------------------------- grid


def _cluster(values: list[float], tolerance: float) -> list[float]:
    groups: list[list[float]] = []
    for v in sorted(values):
        if groups and v - groups[-1][-1] <= tolerance:
            groups[-1].append(v)
        else:
            groups.append([v])
    return [sum(g) / len(g) for g in groups]


Span = tuple[int, int, int, int]  # row, col, rowspan, colspan


def grid_tables(rules: list[Rule], tol: float = 4.0) -> list[tuple[list[float], list[float], list[Span]]]:
    """Tables from rules (points): (column bounds, row bounds, cells as (row, col, rowspan, colspan))."""
    hs = [r for r in rules if r.horizontal]
    vs = [r for r in rules if not r.horizontal]
    # connected groups of crossing rules
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if h.start - tol <= v.pos <= h.end + tol and v.start - tol <= h.pos <= v.end + tol:
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, list[int]] = {}
    for i in range(len(parent)):
        groups.setdefault(find(i), []).append(i)
    out = []
    for members in groups.values():
        gh = [hs[i] for i in members if i < len(hs)]
        gv = [vs[i - len(hs)] for i in members if i >= len(hs)]
        if len(gh) < 2 or len(gv) < 2:
            continue
        xs = _cluster([v.pos for v in gv], tol)
        ys = _cluster([h.pos for h in gh], tol)
        # an outer rule not found (faint, or the page ends): the crossing rules' ends stand in
        left, right = min(h.start for h in gh), max(h.end for h in gh)
        top, bottom = min(v.start for v in gv), max(v.end for v in gv)
        xs = ([left] if xs[0] - left > 3 * tol else []) + xs + ([right] if right - xs[-1] > 3 * tol else [])
        ys = ([top] if ys[0] - top > 3 * tol else []) + ys + ([bottom] if bottom - ys[-1] > 3 * tol else [])
        if len(xs) < 2 or len(ys) < 2:
            continue
        out.append((xs, ys, _cells(xs, ys, gh, gv, tol)))
    return out


def _cells(xs: list[float], ys: list[float], hs: list[Rule], vs: list[Rule], tol: float) -> list[Span]:
    """Grid positions joined where the rule between them is missing; each group is a cell."""
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def covered(rules: list[Rule], pos: float, a: float, b: float) -> bool:
        """Do the rules at `pos` cover a..b (short of a small margin at each end)? A letter's
        stem that continues a rule into the next row does not reach that row's far edge."""
        reach = a + 2.0
        for rule in sorted((r for r in rules if abs(r.pos - pos) <= tol), key=lambda r: r.start):
            if rule.start - 1.0 > reach:  # pieces of one rule meet (a point's gap at most)
                break
            reach = max(reach, rule.end)
        return reach >= b - 2.0

    for r in range(n_rows):
        for c in range(n_cols):
            if c + 1 < n_cols and not covered(vs, xs[c + 1], ys[r], ys[r + 1]):
                parent[find(r * n_cols + c)] = find(r * n_cols + c + 1)
            if r + 1 < n_rows and not covered(hs, ys[r + 1], xs[c], xs[c + 1]):
                parent[find(r * n_cols + c)] = find((r + 1) * n_cols + c)
    spans: dict[int, list[int]] = {}
    for i in range(n_rows * n_cols):
        r, c = divmod(i, n_cols)
        box = spans.setdefault(find(i), [r, c, r, c])
        box[0], box[1], box[2], box[3] = min(box[0], r), min(box[1], c), max(box[2], r), max(box[3], c)
    return sorted((b[0], b[1], b[2] - b[0] + 1, b[3] - b[1] + 1) for b in spans.values())


