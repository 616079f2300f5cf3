"""Deduplication: keys, hard negatives, chaining, stable ids, and the labeled multi-year corpus."""

from __future__ import annotations

import csv
import random
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import pytest
import score
from conftest import CORPORA

from extractor.api import run
from extractor.dedup import deduplicate, mention_keys, previous_assignments
from extractor.dedup.compare import Verdict, compare
from extractor.dedup.explain import explain
from extractor.dedup.keys import word_conflict
from extractor.dedup.places import compare_places
from extractor.errors import UsageError
from extractor.model import Mention
from extractor.settings import Settings

S = Settings(workers=1)
DEDUP = CORPORA / "dedup"


def m(mid: str, *, year: int = 2019, kind: str = "organization", actor: str = "", title: str = "",
      person: str = "", district: str = "", district_code: str = "", district_type: str = "huyện",
      commune: str = "", commune_code: str = "", commune_type: str = "xã", province: str = "Hòa Bình",
      province_code: str = "17") -> Mention:
    return Mention(mention_id=mid, year=year, actor_kind=kind, actor_name=actor, person_name=person,
                   title=title, district=district, district_code=district_code,
                   district_type=district_type if district else "", commune=commune, commune_code=commune_code,
                   commune_type=commune_type if commune else "", province=province, province_code=province_code)


def verdict(a: Mention, b: Mention) -> Verdict:
    ka, kb = mention_keys([a, b], S)
    return compare(ka, kb, S)


def groups(mentions: list[Mention]) -> set[frozenset[str]]:
    by_id: dict[str, set[str]] = defaultdict(set)
    for x in mentions:
        by_id[x.exemplar_id].add(x.mention_id)
    return {frozenset(g) for g in by_id.values()}


# -- keys -------------------------------------------------------------------------------------


def test_keys_fold_abbreviations_tones_case_and_honorifics() -> None:
    ms = [
        m("a", actor="HTX Nông nghiệp xanh Kim Bôi", title="Mô hình: “Trồng và tiêu thụ chanh leo”"),
        m("b", actor="Hợp tác xã nông nghiệp xanh Kim Bôi", title="Trồng và tiêu thụ chanh leo"),
        m("c", actor="Trường THPT Tân Lạc", title="Dạy học tích hợp"),
        m("d", actor="Trường Trung học Phổ thông Tân Lạc", title="dạy học tích hợp"),
        m("e", kind="household", actor="Gia đình ông Hà Văn Hưng", person="Hà Văn Hưng", title="x"),
        m("f", kind="person", actor="Hà Văn Hưng", person="Ông Hà Văn Hưng", title="x"),
        m("g", actor="Trường Mầm non Tân Hoà A", title="Vì sức khoẻ"),
        m("h", actor="Trường Mầm non Tân Hòa A", title="Vì sức khỏe"),
    ]
    k = mention_keys(ms, S)
    assert k[0].actor == k[1].actor == "hợp tác xã nông nghiệp xanh kim bôi"
    assert k[0].title == k[1].title == "trồng và tiêu thụ chanh leo"
    assert k[2].actor == k[3].actor and k[2].title == k[3].title
    assert k[4].actor == k[5].actor == "hà văn hưng" and k[4].person and k[5].person
    assert k[6].actor == k[7].actor and k[6].title == k[7].title
    assert k[6].distinct == {"a"}


def test_abbreviation_only_as_a_whole_word() -> None:
    k = mention_keys([m("a", actor="Trường THCS Kim Tân"), m("b", actor="Hội THT Mường Khương")], S)
    assert k[0].actor == "trường trung học cơ sở kim tân"  # "TH" inside "THCS" is not expanded
    assert "tổ hợp tác" in k[1].actor


# -- places and the change table ----------------------------------------------------------------


def test_merged_district_is_comparable() -> None:
    """huyện Kỳ Sơn (151) merged into thành phố Hòa Bình (148) on 2020-02-01."""
    old = m("a", year=2019, commune="Hợp Thịnh", commune_code="04897", district="Kỳ Sơn", district_code="151")
    new = m("b", year=2021, commune="Thịnh Minh", commune_code="04897", district="Hòa Bình",
            district_code="148", district_type="thành phố")
    ka, kb = mention_keys([old, new], S)
    assert compare_places(ka.place, kb.place).verdict == "merged"


def test_merged_district_without_codes_by_name() -> None:
    old = m("a", year=2019, district="Kỳ Sơn")
    new = m("b", year=2021, district="Hòa Bình", district_code="148", district_type="thành phố")
    ka, kb = mention_keys([old, new], S)
    assert compare_places(ka.place, kb.place).verdict == "merged"


def test_merged_district_with_the_successor_uncoded_is_not_different() -> None:
    old = m("a", year=2019, district="Kỳ Sơn", district_code="151")
    new = m("b", year=2021, district="Hòa Bình", district_type="thành phố")
    ka, kb = mention_keys([old, new], S)
    assert compare_places(ka.place, kb.place).verdict != "different"


def test_units_side_by_side_before_a_merger_stay_different() -> None:
    """xã Trung Sơn (04975) and xã Thành Lập (04969) both became xã Liên Sơn (04969) in 2020."""
    trung = m("a", year=2019, commune="Trung Sơn", commune_code="04975", district="Lương Sơn", district_code="152")
    thanh = m("b", year=2019, commune="Thành Lập", commune_code="04969", district="Lương Sơn", district_code="152")
    lien = m("c", year=2021, commune="Liên Sơn", commune_code="04969", district="Lương Sơn", district_code="152")
    k = mention_keys([trung, thanh, lien], S)
    assert compare_places(k[0].place, k[1].place).verdict == "different"
    assert compare_places(k[0].place, k[2].place).verdict == "merged"
    assert compare_places(k[1].place, k[2].place).verdict in ("same", "merged")


def test_city_before_the_merger_is_not_the_merged_district() -> None:
    kyson = m("a", year=2019, district="Kỳ Sơn", district_code="151")
    city19 = m("b", year=2019, district="Hòa Bình", district_code="148", district_type="thành phố")
    ka, kb = mention_keys([kyson, city19], S)
    assert compare_places(ka.place, kb.place).verdict == "different"


# -- hard negatives ---------------------------------------------------------------------------


def test_same_unit_different_model_is_apart() -> None:
    v = verdict(m("a", actor="Công an huyện Lạc Sơn", title="Chung tay vì cuộc sống cộng đồng", district="Lạc Sơn"),
                m("b", actor="Công an huyện Lạc Sơn", title="Tổ tự quản về an ninh trật tự ở khu dân cư",
                  district="Lạc Sơn"))
    assert not v.link and v.veto and v.actor == 100


def test_same_title_other_cooperative_is_apart() -> None:
    a = m("a", actor="Hợp tác xã Nông nghiệp xanh Kim Bôi", title="Trồng và tiêu thụ chanh leo theo chuỗi giá trị",
          district="Kim Bôi", district_code="153")
    b = m("b", actor="Hợp tác xã Nông nghiệp và Dịch vụ Pà Cò", title="Trồng và tiêu thụ chanh leo theo chuỗi giá trị",
          district="Mai Châu", district_code="156")
    c = replace(b, mention_id="c", district="", district_code="", district_type="")  # no place to tell them apart
    assert not verdict(a, b).link
    v = verdict(a, c)
    assert not v.link and v.title == 100 and v.actor < S.dedup_actor_min


def test_same_title_similar_crop_is_another_model() -> None:
    v = verdict(m("a", actor="Hội Nông dân xã Bản Lầu", title="Trồng chuối tiêu hồng theo chuỗi giá trị"),
                m("b", actor="Hội Nông dân xã Bản Lầu", title="Trồng dứa theo chuỗi giá trị"))
    assert not v.link


def test_same_name_other_commune_is_apart() -> None:
    a = m("a", kind="person", person="Nguyễn Văn Hùng", actor="Nguyễn Văn Hùng",
          title="Sản xuất rau an toàn theo tiêu chuẩn VietGAP", commune="Hòa Sơn", commune_code="04945",
          district="Lương Sơn", district_code="152")
    b = m("b", kind="person", person="Nguyễn Văn Hùng", actor="Nguyễn Văn Hùng", year=2021,
          title="Sản xuất rau an toàn theo tiêu chuẩn VietGAP", commune="Thanh Hối", commune_code="05167",
          district="Tân Lạc", district_code="155")
    v = verdict(a, b)
    assert not v.link and v.veto and v.place.verdict == "different"


def test_names_one_mark_apart_are_other_people() -> None:
    a = m("a", kind="person", person="Nguyễn Văn Hùng", title="Nuôi ong lấy mật", commune="Hòa Sơn")
    b = m("b", kind="person", person="Nguyễn Văn Hưng", title="Nuôi ong lấy mật", commune="Hòa Sơn")
    assert not verdict(a, b).link


@pytest.mark.parametrize(("x", "y"), [("Khu phố 7", "Khu phố 5"), ("Trường Mầm non Tân Hòa A", "Trường Mầm non Tân Hòa B"),
                                      ("Trường THPT Đô Lương 1", "Trường THPT Đô Lương 3")])
def test_numbered_units_are_apart(x: str, y: str) -> None:
    v = verdict(m("a", actor=x, title="Câu lạc bộ gia đình"), m("b", actor=y, title="Câu lạc bộ gia đình"))
    assert not v.link and v.veto and v.reason.startswith("another unit")


def test_school_levels_are_apart() -> None:
    v = verdict(m("a", actor="Trường THCS Kim Tân", title="Thư viện xanh thân thiện", district="Lào Cai"),
                m("b", actor="Trường Tiểu học Kim Tân", title="Thư viện xanh thân thiện", district="Lào Cai"))
    assert not v.link


# -- positives under drift ------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), [
    (("HTX Nông nghiệp xanh Kim Bôi", "Trồng, tiêu thụ chanh leo theo chuỗi giá trị"),
     ("Hợp tác xã Nông nghiệp xanh Kim Bôi", "Trồng và tiêu thụ chanh leo theo chuỗi giá trị")),
    (("Đồn Biên phòng Y Tý, Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Mỗi tổ tự quản là một cột mốc sống nơi biên cương"),
     ("Đồn Biên phòng Y Tý", "Tổ tự quản - cột mốc sống nơi biên cương")),
    (("Trường PTDTBT TH Nậm Chày", "Nâng cao chất lượng bữa ăn bán trú cho học sinh vùng cao"),
     ("Trường Phổ thông Dân tộc bán trú Tiểu học Nậm Chày", "Bữa ăn bán trú đủ chất cho học sinh vùng cao")),
    (("Hội LHPN huyện Lương Sơn", "Vận động phụ nữ tiết kiệm, mua BHYT - Vì sức khoẻ gia đình"),
     ("Hội Liên hiệp Phụ nữ huyện Lương Sơn", "Vận động phụ nữ tiết kiệm, mua Bảo hiểm y tế - Vì sức khỏe gia đình")),
])
def test_drift_links(a: tuple[str, str], b: tuple[str, str]) -> None:
    v = verdict(m("a", actor=a[0], title=a[1]), m("b", year=2021, actor=b[0], title=b[1]))
    assert v.link, v.reason


def test_household_and_person_of_one_name_link() -> None:
    a = m("a", kind="household", actor="Gia đình ông Hà Văn Hưng", person="Hà Văn Hưng",
          title="Trồng cây ăn quả kết hợp chăn nuôi gia súc, gia cầm", commune="Nam Sơn", commune_code="05188",
          district="Tân Lạc", district_code="155")
    b = m("b", year=2020, kind="person", actor="Hà Văn Hưng", person="Hà Văn Hưng",
          title="Trồng cây ăn quả kết hợp chăn nuôi gia súc, gia cầm", commune="Vân Sơn", commune_code="05176",
          district="Tân Lạc", district_code="155")
    v = verdict(a, b)
    assert v.link and v.place.verdict == "merged"


# -- clustering -------------------------------------------------------------------------------


def test_chaining_is_resisted() -> None:
    """B (district only) links to A and to C, but A and C are in different communes."""
    base = {"actor": "Trường Mầm non Sao Mai", "title": "Thư viện thân thiện của bé", "district": "Yên Thủy",
            "district_code": "158"}
    a = m("a", commune="Lạc Thịnh", commune_code="05374", **base)
    b = m("b", year=2020, **base)
    c = m("c", year=2021, commune="Yên Trị", commune_code="05386", **base)
    assert verdict(a, b).link and verdict(b, c).link and verdict(a, c).veto
    exemplars, links = deduplicate([a, b, c], S)
    assert len(exemplars) == 2
    assert a.exemplar_id != c.exemplar_id
    held = [r for r in links if r["decision"] == "apart" and "held apart" in r["reason"]]
    assert held, "the link that was not followed is reported"


def test_every_pair_of_a_cluster_is_compatible() -> None:
    ms = corpus_like()
    deduplicate(ms, S)
    k = mention_keys(ms, S)
    by_ex: dict[str, list[int]] = defaultdict(list)
    for i, x in enumerate(ms):
        by_ex[x.exemplar_id].append(i)
    for members in by_ex.values():
        for i in members:
            for j in members:
                if i < j:
                    assert not compare(k[i], k[j], S).veto


# -- stable ids ----------------------------------------------------------------------------------


def corpus_like() -> list[Mention]:
    out = []
    for year in (2019, 2020, 2021):
        out += [
            m(f"{year}-1", year=year, actor="HTX Nông nghiệp xanh Kim Bôi" if year == 2020 else
              "Hợp tác xã Nông nghiệp xanh Kim Bôi", title="Trồng và tiêu thụ chanh leo", district="Kim Bôi"),
            m(f"{year}-2", year=year, actor="Công an huyện Lạc Sơn", title="Chung tay vì cộng đồng", district="Lạc Sơn"),
            m(f"{year}-3", year=year, kind="person", person="Bùi Thị Sành", actor="Bùi Thị Sành",
              title="Hợp tác xã mây tre đan", commune="Nhân Nghĩa", district="Lạc Sơn"),
            m(f"{year}-4", year=year, actor=f"Khu phố {year - 2012}", title="Câu lạc bộ gia đình phát triển bền vững"),
        ]
    return out


def test_ids_and_links_do_not_depend_on_input_order() -> None:
    first = corpus_like()
    _, links = deduplicate(first, S)
    ids = {x.mention_id: x.exemplar_id for x in first}
    for seed in range(3):
        shuffled = [replace(x, exemplar_id="") for x in first]
        random.Random(seed).shuffle(shuffled)
        _, again = deduplicate(shuffled, S)
        assert {x.mention_id: x.exemplar_id for x in shuffled} == ids
        assert again == links


def test_ids_survive_adding_a_year() -> None:
    all_years = corpus_like()
    early = [replace(x) for x in all_years if x.year != 2021]
    deduplicate(early, S)
    before = {x.mention_id: x.exemplar_id for x in early}
    later = [replace(x, exemplar_id="") for x in all_years]
    deduplicate(later, S, previous=before)
    after = {x.mention_id: x.exemplar_id for x in later}
    assert all(after[mid] == eid for mid, eid in before.items())
    fresh = [replace(x, exemplar_id="") for x in all_years]  # no previous: anchored on the earliest mention
    deduplicate(fresh, S)
    assert all(x.exemplar_id == before[x.mention_id] for x in fresh if x.mention_id in before)


def test_previous_ids_win_over_new_ones_and_splits_are_resolved() -> None:
    ms = corpus_like()
    previous = {x.mention_id: "ex-old-chanhleo" for x in ms if x.mention_id.endswith("-1")}
    previous["2019-2"] = "ex-old-chanhleo"  # an old exemplar now split across two clusters
    deduplicate(ms, S, previous=previous)
    got = {x.mention_id: x.exemplar_id for x in ms}
    assert got["2019-1"] == got["2021-1"] == "ex-old-chanhleo"  # three of its mentions stay together
    assert got["2019-2"] != "ex-old-chanhleo" and got["2019-2"].startswith("ex-")
    assert len({x.exemplar_id for x in ms}) == len(groups(ms))


def test_previous_assignments_reads_mentions_csv(tmp_path: Path) -> None:
    assert previous_assignments(tmp_path) == {}
    (tmp_path / "mentions.csv").write_text("mention_id,exemplar_id\nm1,ex-1\nm2,\n", encoding="utf-8")
    assert previous_assignments(tmp_path) == {"m1": "ex-1"}


# -- the labeled corpus, end to end -------------------------------------------------------------


def bcubed(truth: dict[str, str], pred: dict[str, str]) -> tuple[float, float]:
    by_truth, by_pred = defaultdict(set), defaultdict(set)
    for k in truth:
        by_truth[truth[k]].add(k)
        by_pred[pred[k]].add(k)
    precision = recall = 0.0
    for k in truth:
        same = len(by_truth[truth[k]] & by_pred[pred[k]])
        precision += same / len(by_pred[pred[k]])
        recall += same / len(by_truth[truth[k]])
    return precision / len(truth), recall / len(truth)


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dedup")
    run([DEDUP], out, Settings(workers=1))
    return out


def test_corpus_sources_match_their_gold() -> None:
    done = subprocess.run([sys.executable, str(DEDUP / "build.py"), "--check"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr


def test_corpus_pairwise_and_bcubed(corpus_run: Path) -> None:
    gold = score.read_rows(str(DEDUP / "gold_mentions.csv"))
    pred = score.read_rows(str(corpus_run / "mentions.csv"))
    pairs = score.match(gold, pred)
    figures = score.dedup_scores(pairs)
    assert figures["dedup.precision"] >= 0.98, figures
    assert figures["dedup.recall"] >= 0.95, figures
    matched = {f"{g['file']}#{g['section_kind']}#{g['row_no']}": (g["cluster_id"], p["exemplar_id"])
               for g, p in pairs if p is not None}
    assert len(matched) >= 0.95 * len(gold)
    precision, recall = bcubed({k: v[0] for k, v in matched.items()}, {k: v[1] for k, v in matched.items()})
    assert precision >= 0.98 and recall >= 0.95, (precision, recall)


def test_corpus_links_explain_the_hard_negatives(corpus_run: Path) -> None:
    with (corpus_run / "links.csv").open(encoding="utf-8") as fh:
        links = list(csv.DictReader(fh))
    decisions = Counter(r["decision"] for r in links)
    assert decisions["link"] and decisions["apart"]
    reasons = " | ".join(r["reason"] for r in links if r["decision"] == "apart")
    assert "place differs" in reasons and "another model" in reasons and "another unit" in reasons
    assert any(r["place"] == "merged" and "Kỳ Sơn" in r["reason"] for r in links if r["decision"] == "link")


def test_explain_renders_mentions_and_reasons(corpus_run: Path) -> None:
    with (corpus_run / "exemplars.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    sao_mai = [r for r in rows if r["actor_name"] == "Trường Mầm non Sao Mai" and r["n_mentions"] == "3"]
    assert len(sao_mai) == 1
    text = explain(corpus_run, sao_mai[0]["exemplar_id"])
    assert "hb-2019-181-KH-UBND.txt" in text and "hb-2021-162-KH-UBND.txt" in text
    assert "huyện Kỳ Sơn (151) ended 2020-" in text
    assert "Held apart" in text and "xã Lạc Thịnh" in text
    with pytest.raises(UsageError):
        explain(corpus_run, "ex-nope")


def test_rerun_into_the_same_folder_keeps_ids(tmp_path: Path) -> None:
    """A year's plan added to the input: every exemplar of the first run keeps its id."""
    out, folder = tmp_path / "out", tmp_path / "in"
    folder.mkdir()
    for name in ("lc-2021-126-KH-UBND.txt", "lc-2022-88-KH-UBND.txt"):
        (folder / name).write_bytes((DEDUP / name).read_bytes())
    run([folder], out, Settings(workers=1))
    before = previous_assignments(out)
    (folder / "lc-2020-57-KH-UBND.txt").write_bytes((DEDUP / "lc-2020-57-KH-UBND.txt").read_bytes())
    run([folder], out, Settings(workers=1))  # an earlier year: new anchors, yet the ids stay
    after = previous_assignments(out)
    assert len(after) > len(before)
    assert all(after[mid] == eid for mid, eid in before.items())


@pytest.mark.parametrize(("x", "y", "conflict"), [
    ("Công an xã Hà Sơn", "Công an xã Hoàng Sơn", True),
    ("Hội CCB xã Hiền Ninh", "Hội CCB xã Ninh Hiệp", True),
    ("Trường THCS Khánh Hải", "Trường Trung học cơ sở Khánh Trung", True),  # "trung" twice in one name
    ("Hợp tác xã Nông nghiệp xanh Kim Bôi", "Hợp tác xã Nông nghiệp xanh Kim Boi", False),  # diacritics
    ("Trường DTNT huyện Con Cuông", "Trường Dân tộc nội trú huyện Con Cuông", False),  # an acronym
    ("Hợp tác xã Du lịch cộng đồng Tả Van", "Hợp tác xã Dịch vụ du lịch cộng đồng Tả Van", False),  # contained
])
def test_word_conflict(x: str, y: str, conflict: bool) -> None:
    ka, kb = mention_keys([m("a", actor=x), m("b", actor=y)], S)
    assert (word_conflict(ka, kb) is not None) == conflict


def test_issue_ocr_misread_place_and_untitled_rows_still_link() -> None:
    from extractor.dedup import deduplicate
    from extractor.model import Mention
    from extractor.settings import Settings

    base = dict(year=2022, province="Nghệ An", province_code="40", district="Thái Hòa", district_code="414",
                district_type="thị xã", actor_kind="organization", section_kind="mô hình")
    typed = Mention(mention_id="a-0001", actor_name="Hội Liên hiệp Phụ nữ phường Hòa Hiếu", title="Ngôi nhà 100 đồng",
                    commune="Hòa Hiếu", commune_code="16939", commune_type="phường", **base)
    ocr = Mention(mention_id="b-0001", actor_name="Hội Liên hiệp Phụ nữ phường Hòa Hiếu", title="Ngôi nhà 100 đồng",
                  commune="Hòa Hiểu", commune_code="", commune_type="phường", flags="unit_not_in_gazetteer;ocr", **base)
    other = Mention(mention_id="c-0001", actor_name="Hội Liên hiệp Phụ nữ phường Hòa Hiếu", title="Ngôi nhà 100 đồng",
                    commune="Quang Tiến", commune_code="16945", commune_type="phường", **base)
    person = dict(base, actor_kind="person", commune="Pù Nhi", commune_code="14863", commune_type="xã", title="")
    p1 = Mention(mention_id="d-0001", actor_name="Lò Văn Pọm", person_name="Lò Văn Pọm", **person)
    p2 = Mention(mention_id="e-0001", actor_name="Lò Văn Pọm", person_name="Lò Văn Pọm", **person)
    deduplicate([typed, ocr, other, p1, p2], Settings())
    assert typed.exemplar_id == ocr.exemplar_id != other.exemplar_id
    assert p1.exemplar_id == p2.exemplar_id != typed.exemplar_id
