"""The model's title and description from the model cell (or the "Tên mô hình" cell)."""

from __future__ import annotations

import re

_PREFIX = re.compile(
    r"^\s*(?:xây dựng\s+|duy trì\s+|nhân rộng\s+)?(?:mô hình|điển hình)(?:\s+tiên tiến)?\s*(?:số\s*\d+\s*)?[:\-–.]?\s*",
    re.I,
)
_KEYWORD = re.compile(r"mô hình|điển hình", re.I)
# Opening quote -> the closing quotes that may end it.
_PAIRS = {"“": "”\"", '"': '"”', "«": "»", "‘": "’"}
_UNQUOTED_END = re.compile(r"[,;.:]\s|\s[-–]\s|\s(?:nhằm|giúp|góp phần|mang lại|tạo|với mục đích)\s", re.I)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of each quoted phrase, in order."""
    spans = []
    i = 0
    while i < len(text):
        closing = _PAIRS.get(text[i])
        if closing:
            j = next((k for k in range(i + 1, len(text)) if text[k] in closing), -1)
            if j > i + 1:
                spans.append((i + 1, j))
                i = j + 1
                continue
        i += 1
    return spans


def split_title(text: str, whole_is_title: bool = False, needs_classifier: bool = False) -> tuple[str, str]:
    """(title, description). The first quoted text after "Mô hình"/"Điển hình" is the title.

    Unquoted, the text after the classifier up to the first comma is the title; a cell with
    neither quotes nor classifier (an achievement) names no model when `needs_classifier`.
    """
    text = text.strip()
    if not text:
        return "", ""
    spans = quoted_spans(text)
    if spans:
        kw = _KEYWORD.search(text)
        after = [s for s in spans if kw and s[0] > kw.start()]
        start, end = (after or spans)[0]
        rest = text[end + 1 :].strip().lstrip(",;:.-– ").strip()
        return _tidy(text[start:end]), rest
    body = _PREFIX.sub("", text, count=1)
    if needs_classifier and body == text:
        return "", text
    if whole_is_title:
        return _tidy(body), ""
    m = _UNQUOTED_END.search(body)
    if m:
        return _tidy(body[: m.start()]), body[m.end() :].strip()
    return _tidy(body), ""


def _tidy(title: str) -> str:
    title = title.strip().strip("“”\"«»'’‘").strip().rstrip(".,;:")
    return title[:1].upper() + title[1:] if title else title
