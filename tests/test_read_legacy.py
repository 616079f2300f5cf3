"""Text decoding: UTF-8/16, Windows-1258, TCVN3, VNI, mojibake; legacy fonts by name."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from extractor.read import read_document
from extractor.read.encoding import decode, fix_mojibake
from extractor.read.legacy import (
    decode_font_text,
    font_encoding,
    is_syllable,
    tcvn3_table,
    tcvn3_to_unicode,
    vni_table,
    vni_to_unicode,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora" / "seed" / "hoa-binh-2019-181-KH-UBND.txt"
SAMPLE = ("Bà Bùi Thị Sành, xóm Bui, xã Nhân Nghĩa, huyện Lạc Sơn: Mô hình “Hợp tác xã mây tre đan”, "
          "giúp tạo việc làm, tăng thu nhập cho nhiều lao động địa phương; ông Hà Văn Hưng, khu phố 7.")
TONES = "\u0300\u0301\u0303\u0309\u0323"


def encode_tcvn3(text: str) -> bytes:
    """Unicode -> TCVN3 bytes as an ABC-font dump holds them (capital toned letters as small)."""
    inverse = {ch: code for code, ch in tcvn3_table().items() if code >= 0xA1}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in inverse:
            out.append(inverse[ch])
        elif ch.lower() in inverse and ch not in "ĂÂÊÔƠƯĐ":
            out.append(inverse[ch.lower()])
        else:
            out += {"“": b"\x93", "”": b"\x94"}.get(ch, ch.encode("ascii", "replace"))
    return bytes(out)


def encode_vni(text: str) -> bytes:
    table, _pattern = vni_table()
    inverse = {uni: seq for seq, uni in table.items()}
    return "".join(inverse.get(ch, ch) for ch in unicodedata.normalize("NFC", text)).encode("cp1252")


def encode_cp1258(text: str) -> bytes:
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts if c in TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += base.encode("cp1258") + tones.encode("cp1258")
    return out


def test_tcvn3_sentence() -> None:
    text, name = decode(encode_tcvn3(SAMPLE))
    assert (text, name) == (SAMPLE, "tcvn3")


def test_tcvn3_round_trip_on_the_seed() -> None:
    seed = unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8")).replace("\u00a0", " ")
    text, name = decode(encode_tcvn3(seed))
    assert name == "tcvn3"
    words = [(a, b) for a, b in zip(text.split(), seed.split(), strict=True) if a != b]
    # Capitals typed in the upper-case font read back as small letters; the word rules restore
    # all but a handful ("SỐ TT" for "Số TT").
    assert len(words) <= 5, words[:10]


def test_tcvn3_capitals_are_restored_in_upper_case_words() -> None:
    text, _ = decode(encode_tcvn3("KẾ HOẠCH TRIỂN KHAI\nỦy ban nhân dân tỉnh Hòa Bình. Ủy ban"))
    assert text == "KẾ HOẠCH TRIỂN KHAI\nỦy ban nhân dân tỉnh Hòa Bình. Ủy ban"


def test_vni_round_trip_on_the_seed() -> None:
    seed = unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8"))
    text, name = decode(encode_vni(seed))
    assert name == "vni"
    assert text == seed


def test_cp1258_with_combining_tones() -> None:
    text, name = decode(encode_cp1258(SAMPLE))
    assert (text, name) == (SAMPLE, "cp1258")


def test_utf16_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(("\tSTT\r\n\tTên tập thể\r\n\r\n" + SAMPLE + "\r\n").encode("utf-16"))
    doc = read_document(path)
    assert doc.format == "txt" and "encoding:utf-16" in doc.warnings
    assert doc.lines()[0].text == SAMPLE


def test_mojibake_is_repaired() -> None:
    broken = SAMPLE.encode("utf-8").decode("cp1252", errors="replace")
    assert "Hòa" not in broken
    repaired = fix_mojibake(SAMPLE.encode("utf-8").decode("latin-1"))
    assert repaired == SAMPLE


def test_issue_3_capital_a_tilde_is_not_mojibake() -> None:
    text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM; “Mô hình”"
    assert fix_mojibake(text) == text


@pytest.mark.parametrize(("font", "expected"), [
    (".VnTime", "tcvn3"), (".VnTimeH", "tcvn3-upper"), (".VnArial", "tcvn3"), (".VnArialH", "tcvn3-upper"),
    ("VnTime", "tcvn3"), ("VNI-Times", "vni"), ("VNI-Helve", "vni"), ("Times New Roman", None), (None, None),
])
def test_font_names(font: str | None, expected: str | None) -> None:
    assert font_encoding(font) == expected


def test_font_text_conversions() -> None:
    assert tcvn3_to_unicode("Hßa B×nh") == "Hòa Bình"
    assert decode_font_text("kÕ ho¹ch", "tcvn3-upper") == "KẾ HOẠCH"
    assert vni_to_unicode("Coâng an huyeän Laïc Sôn, Ñaø Baéc") == "Công an huyện Lạc Sơn, Đà Bắc"
    assert tcvn3_to_unicode("\uf0b5") == "à"  # symbol-font private use area


def test_syllables() -> None:
    assert all(is_syllable(w) for w in ("nghiêng", "quý", "Hòa", "khuỷu", "giữ", "Đắk", "ươu"))
    assert not any(is_syllable(w) for w in ("Hµ", "Vieät", "Vieọt", "xyz", "hoàá"))


def test_an_acronym_does_not_make_its_neighbour_shout() -> None:
    from extractor.read.legacy import restore_capitals

    assert restore_capitals("Trường PTDTBT Tiểu học và THCS Cô Ba") == "Trường PTDTBT Tiểu học và THCS Cô Ba"
    assert restore_capitals("TRƯờNG THCS Cô BA") == "TRƯỜNG THCS CÔ BA"
    assert restore_capitals("Kế HOạCH") == "KẾ HOẠCH"
