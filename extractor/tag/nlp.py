"""Statistical NLP where it beats rules: underthesea's NER for person names whose family name
our list does not know (Ê Đê, Khmer, Mông names), spaCy for displaying tagged rows.

Measured on the seed's actor cells (issue 5): underthesea finds persons 5/5 but organizations
0/14 and mis-bounds places, so it is asked one question only: is this capitalised run a person?
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def is_person_by_ner(text: str) -> bool:
    """True when underthesea tags every token of `text` as part of one PER entity."""
    from underthesea import ner  # noqa: PLC0415 - loads a model; only for unknown names

    tags = [t[3] for t in ner(text)]
    return bool(tags) and tags[0] == "B-PER" and all(t in ("B-PER", "I-PER") for t in tags) and tags.count("B-PER") == 1
