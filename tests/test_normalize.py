import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.normalize.text import clean, key, normalize, title_case_name


@pytest.mark.parametrize(
    ("written", "official"),
    [
        ("Hoà Bình", "Hòa Bình"), ("thuỷ sản", "thủy sản"), ("Uỷ ban", "Ủy ban"), ("khoẻ", "khỏe"),
        ("HOÀ", "HÒA"), ("Thuý", "Thúy"), ("hoạ sĩ", "họa sĩ"), ("xoè", "xòe"), ("toả", "tỏa"),
        ("Nguyễn Thị Thuỳ", "Nguyễn Thị Thùy"), ("Ðà Bắc", "Đà Bắc"),
    ],
)
def test_tone_marks_move_to_official_place(written: str, official: str) -> None:
    assert clean(written) == official


@pytest.mark.parametrize("word", ["hoàn", "quý", "Quỳnh", "thuở", "khuya", "giúp", "Hòa", "thủy", "hoặc", "quà"])
def test_words_already_right_are_left_alone(word: str) -> None:
    assert clean(word) == word


def test_clean_folds_space_and_nfd() -> None:
    assert clean("  Hòa\u00a0 Bình \n") == "Hòa Bình"
    assert clean("Ho\u0300a") == "Hòa"  # NFD input


def test_key_ignores_case_tone_placement_and_punctuation() -> None:
    assert key("Xã Hoà Bình,") == key("xã  Hòa Bình")


def test_title_case_name() -> None:
    assert title_case_name("Pà cò") == "Pà Cò"


VIET = st.text(alphabet=st.sampled_from(list("aăâeêioôơuưyđAĂÂĐ hoàuỷeẻ \u0300\u0301\u0309\u0303\u0323\t\n,.“”«»Ð")),
               max_size=40)


@given(VIET)
def test_clean_is_idempotent_and_nfc(text: str) -> None:
    import unicodedata

    once = clean(text)
    assert clean(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "  " not in once and once == once.strip()


@given(VIET)
def test_normalize_matches_clean_and_maps_offsets(text: str) -> None:
    n = normalize(text)
    assert n.text == clean(text)
    assert len(n.offsets) == len(n.text)
    assert list(n.offsets) == sorted(n.offsets)
    assert all(0 <= o < len(text) for o in n.offsets)


def test_offsets_point_back_to_the_original() -> None:
    n = normalize("  Xã  Hoà Bình")
    start = n.text.index("Hòa")
    assert n.original[slice(*n.span_in_original(start, start + 3))] == "Hoà"


# ---- Whatever the text (any Unicode, not only Vietnamese letters): the same invariants.


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_clean_holds_on_any_text(text: str) -> None:
    import unicodedata

    once = clean(text)
    assert clean(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "  " not in once and once == once.strip() and "\n" not in once
    assert clean(unicodedata.normalize("NFD", text)) == once  # the same, whichever form it came in


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_normalize_maps_offsets_on_any_text(text: str) -> None:
    n = normalize(text)
    assert n.text == clean(text)
    assert len(n.offsets) == len(n.text)
    assert list(n.offsets) == sorted(n.offsets)
    assert all(0 <= o < len(text) for o in n.offsets)
    for start in range(len(n.text) + 1):  # every span maps back inside the original
        a, b = n.span_in_original(start, min(start + 3, len(n.text)))
        assert 0 <= a <= b <= len(text)


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_key_is_idempotent_on_any_text(text: str) -> None:
    k = key(text)
    assert key(k) == k
    assert k == k.casefold()


@given(VIET)
def test_key_ignores_case_and_white_space(text: str) -> None:
    assert key(text.upper()) == key(text) == key(f"  {text}\t ")


@given(st.text())
def test_title_case_name_is_idempotent(text: str) -> None:
    assert title_case_name(title_case_name(text)) == title_case_name(text)
