import pytest

from extractor.normalize.text import clean, key, title_case_name


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
