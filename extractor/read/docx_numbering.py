"""Word's automatic numbering: the "1.", "2." or "I.", "II." that Word draws but does not store.

An STT column or a section heading is often a numbered list (`w:numPr` on the paragraph or its
style): the number is in no run, so the text alone loses it. Numbers are counted per list
(`w:num` -> `w:abstractNum`) and level in document order, as Word does: a level counts up, and
the levels under it start again. Bullets give nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


def _val(element: Any, tag: str) -> str | None:
    found = element.find(q(tag)) if element is not None else None
    return found.get(q("val")) if found is not None else None


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    return str(n)  # decimal, decimalZero and the rest


class Numbering:
    """Labels of numbered paragraphs, in the order they are asked for (document order)."""

    def __init__(self, numbering: Any, styles: Any) -> None:
        self.levels: dict[str, dict[int, _Level]] = {}  # abstractNumId -> level -> format
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        self.style_num: dict[str, tuple[str, int]] = {}  # paragraph style -> (numId, level)
        self.counts: dict[str, dict[int, int]] = {}  # abstractNumId -> level -> last number
        if numbering is not None:
            self._read(numbering)
        if styles is not None:
            for style in styles.iter(q("style")):
                num_pr = style.find(f"{q('pPr')}/{q('numPr')}")
                num_id = _val(num_pr, "numId")
                if num_id:
                    self.style_num[style.get(q("styleId")) or ""] = (num_id, int(_val(num_pr, "ilvl") or 0))

    def _read(self, numbering: Any) -> None:
        for abstract in numbering.iter(q("abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iter(q("lvl")):
                start = _val(lvl, "start")
                levels[int(lvl.get(q("ilvl")) or 0)] = _Level(
                    fmt=_val(lvl, "numFmt") or "decimal", text=_val(lvl, "lvlText") or "",
                    start=int(start) if start and start.isdigit() else 1)
            self.levels[abstract.get(q("abstractNumId")) or ""] = levels
        for num in numbering.iter(q("num")):
            overrides = {}
            for over in num.iter(q("lvlOverride")):
                start = _val(over, "startOverride")
                if start and start.isdigit():
                    overrides[int(over.get(q("ilvl")) or 0)] = int(start)
            self.nums[num.get(q("numId")) or ""] = (_val(num, "abstractNumId") or "", overrides)

    def label(self, p: Any, style_id: str | None) -> str:
        """The number Word shows before paragraph `p` ("1.", "II."), or "" if none."""
        num_pr = p.find(f"{q('pPr')}/{q('numPr')}")
        num_id, level = _val(num_pr, "numId"), int(_val(num_pr, "ilvl") or 0)
        if num_id is None and style_id in self.style_num:
            num_id, level = self.style_num[style_id]
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        spec = levels.get(level)
        if spec is None or spec.fmt in ("bullet", "none") or not spec.text:
            return ""
        counts = self.counts.setdefault(abstract, {})
        start = overrides.get(level, spec.start)
        counts[level] = counts[level] + 1 if level in counts else start
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]  # the levels under this one start again
        text = spec.text
        for k in range(level + 1):
            k_spec = levels.get(k, _Level())
            value = counts.get(k, overrides.get(k, k_spec.start))
            text = text.replace(f"%{k + 1}", format_number(value, k_spec.fmt))
        return text
