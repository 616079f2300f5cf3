#!/usr/bin/env python3
"""Benchmark deduplication on synthetic mentions: time, peak memory, and pairwise quality.

    .venv/bin/python benchmarks/bench_dedup.py                  # 1k, 10k, 100k
    .venv/bin/python benchmarks/bench_dedup.py --sizes 100000 --workers 2

Mentions are generated from templates and real place names (vietnamadminunits' 2024 list):
exemplars (units such as "Hợp tác xã {product} {commune}", "Trường THCS {commune}", or persons
with generated names) are mentioned in 1-4 years each, with the drift the corpus shows:
abbreviation vs full form, old tone placement ("Hoà"), honorific or "Gia đình ông" present or
absent, titles shortened or extended, communes missing or their codes missing. Many exemplars
share a title ("Trồng và tiêu thụ chanh leo theo chuỗi giá trị") and names repeat across
communes: the hard negatives. Each size runs in its own process; peak memory is the resident
set high-water mark of the dedup step alone (Linux VmHWM, reset before it starts).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.dedup import deduplicate  # noqa: E402
from extractor.model import Mention  # noqa: E402
from extractor.settings import DATA, Settings  # noqa: E402

PRODUCTS = ["chanh leo", "cam Cao Phong", "bưởi đỏ", "chè Shan tuyết", "chuối tiêu hồng", "rau an toàn", "dứa",
            "mía tím", "quế", "lạc", "lúa chất lượng cao", "nấm", "mật ong", "dược liệu", "cá lồng", "thanh long"]
ANIMALS = ["lợn", "gà", "bò", "dê", "trâu", "vịt", "ong", "cá"]
UNIT_TEMPLATES = [
    ("Hợp tác xã {product} {commune}", "HTX {product} {commune}"),
    ("Hợp tác xã Nông nghiệp {commune}", "HTX Nông nghiệp {commune}"),
    ("Trường Mầm non {commune}", "Trường MN {commune}"),
    ("Trường Tiểu học {commune}", "Trường TH {commune}"),
    ("Trường Trung học cơ sở {commune}", "Trường THCS {commune}"),
    ("Hội Nông dân xã {commune}", "Hội ND xã {commune}"),
    ("Hội Liên hiệp Phụ nữ xã {commune}", "Hội LHPN xã {commune}"),
    ("Hội Cựu chiến binh xã {commune}", "Hội CCB xã {commune}"),
    ("Đoàn Thanh niên xã {commune}", "ĐTN xã {commune}"),
    ("Trạm Y tế xã {commune}", "TYT xã {commune}"),
    ("Công an xã {commune}", "Công an xã {commune}"),
    ("Chi hội Phụ nữ thôn {n}", "Chi hội Phụ nữ thôn {n}"),
    ("Tổ hợp tác {product} thôn {n}", "THT {product} thôn {n}"),
]
TITLES = [
    "Trồng và tiêu thụ {product} theo chuỗi giá trị", "Sản xuất {product} theo tiêu chuẩn VietGAP",
    "Nuôi {animal} an toàn sinh học", "Liên kết sản xuất và tiêu thụ {product}",
    "Câu lạc bộ gia đình phát triển bền vững", "Tổ tự quản về an ninh trật tự ở khu dân cư",
    "Camera an ninh - Mắt thần khu phố", "Thư viện thân thiện của bé", "Dân vận khéo trong xây dựng nông thôn mới",
    "Tổ phụ nữ tiết kiệm giúp nhau phát triển kinh tế", "Khám chữa bệnh bằng y học cổ truyền",
    "Cựu chiến binh giúp nhau giảm nghèo", "Tuyến đường thanh niên tự quản văn minh",
    "Phát triển kinh tế gia đình từ {product}", "Làm giàu từ nuôi {animal}", "Du lịch cộng đồng gắn với {product}",
]
EXTENSIONS = [" gắn với xây dựng nông thôn mới", " trên địa bàn xã", " giai đoạn mới", " hiệu quả"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Xuân", "Ngọc", "Hữu", "Quang", "Thanh", "Hồng"]
GIVEN = ["Hùng", "Hưng", "Hoa", "Lan", "Thắng", "Hòa", "Thủy", "Tiến", "Mai", "Hải", "Nam", "Bình", "Hương", "Toàn",
         "Chính", "Quân", "Hằng", "Thu", "Sành", "Hiệu", "Khánh", "Dung", "Loan", "Phúc", "Tâm", "Long"]
OLD_TONES = {"Hòa": "Hoà", "hòa": "hoà", "Thủy": "Thuỷ", "thủy": "thuỷ", "khỏe": "khoẻ", "Khỏe": "Khoẻ"}
YEARS = [2019, 2020, 2021, 2022]


def places() -> list[tuple[str, str, str, str, str, str, str]]:
    """(province, province code, district type, district, district code, commune, commune code) from the 2024 list."""
    import vietnamadminunits  # noqa: PLC0415 - only the benchmark needs it

    db = Path(vietnamadminunits.__file__).parent / "data" / "dataset.db"
    with sqlite3.connect(db) as con:
        rows = con.execute("select provinceShort, provinceCode, districtType, districtShort, districtCode, "
                           "wardShort, wardCode from admin_units_legacy where wardType = 'Xã'").fetchall()
    return [(p, pc, dt.lower(), d, dc, w, wc) for p, pc, dt, d, dc, w, wc in rows]


def surnames() -> list[str]:
    lines = (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines()
    return [s.strip() for s in lines if s.strip() and not s.startswith("#")]


def drift(text: str, rng: random.Random) -> str:
    if rng.random() < 0.3:
        for new, old in OLD_TONES.items():
            text = text.replace(new, old)
    return text


def title_variant(title: str, rng: random.Random) -> str:
    r = rng.random()
    words = title.split()
    if r < 0.15 and len(words) > 4:
        return " ".join(words[: len(words) - rng.randint(1, 2)])  # shortened
    if r < 0.3:
        return title + rng.choice(EXTENSIONS)  # extended
    return drift(title, rng)


def generate(n: int, seed: int = 7) -> tuple[list[Mention], dict[str, int]]:
    """n mentions and the gold exemplar of each (mention_id -> exemplar number)."""
    rng = random.Random(seed)
    units, family = places(), surnames()
    mentions: list[Mention] = []
    gold: dict[str, int] = {}
    rows_per_doc: Counter[tuple[str, int]] = Counter()
    exemplar = 0
    while len(mentions) < n:
        exemplar += 1
        prov, pcode, dtype, dist, dcode, comm, ccode = rng.choice(units)
        product, animal = rng.choice(PRODUCTS), rng.choice(ANIMALS)
        title = rng.choice(TITLES).format(product=product, animal=animal)
        person = rng.random() < 0.4
        full, short = rng.choice(UNIT_TEMPLATES)
        hamlet_no = str(rng.randint(1, 12))
        name = f"{rng.choice(family)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        household = rng.random() < 0.3
        for year in sorted(rng.sample(YEARS, rng.choice([1, 1, 2, 2, 3, 4]))):
            if len(mentions) >= n:
                break
            doc = (pcode, year)
            rows_per_doc[doc] += 1
            mid = f"{pcode}{year}-{rows_per_doc[doc]:05d}"
            m = Mention(mention_id=mid, year=year, province=prov, province_code=pcode,
                        title=title_variant(title, rng))
            if rng.random() < 0.85:
                m.district, m.district_type = dist, dtype
                m.district_code = dcode if rng.random() < 0.9 else ""
            if rng.random() < 0.7:
                m.commune, m.commune_type = comm, "xã"
                m.commune_code = ccode if rng.random() < 0.9 else ""
            if person:
                honorific = rng.choice(["Ông", "Bà", ""])
                if household and rng.random() < 0.7:
                    m.actor_kind, m.actor_name = "household", f"Gia đình {(honorific or 'ông').lower()} {name}"
                else:
                    m.actor_kind, m.actor_name = "person", name
                m.honorific, m.person_name = honorific, name
            else:
                template = short if rng.random() < 0.4 else full
                m.actor_kind = "organization"
                m.actor_name = drift(template.format(product=product, commune=comm, n=hamlet_no), rng)
            mentions.append(m)
            gold[mid] = exemplar
    return mentions, gold


def pairwise(gold: dict[str, int], pred: dict[str, str]) -> tuple[float, float]:
    def pairs(labels: dict[str, object]) -> set[tuple[str, str]]:
        groups: dict[object, list[str]] = defaultdict(list)
        for k, v in labels.items():
            groups[v].append(k)
        return {(a, b) for g in groups.values() for i, a in enumerate(sorted(g)) for b in sorted(g)[i + 1 :]}

    g, p = pairs(dict(gold)), pairs(dict(pred))
    tp = len(g & p)
    return (tp / len(p) if p else 1.0), (tp / len(g) if g else 1.0)


def _cpu() -> float:
    """CPU seconds of this process, all threads (rapidfuzz's workers included)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _status_mb(field: str) -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _peak_mb() -> float:
    peak = _status_mb("VmHWM")
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(n: int, workers: int) -> dict[str, float]:
    mentions, gold = generate(n)
    settings = Settings(workers=workers)
    reset = _reset_peak()
    before = _status_mb("VmRSS") or 0.0
    load = os.getloadavg()[0]
    started, cpu = time.perf_counter(), _cpu()
    exemplars, links = deduplicate(mentions, settings)
    seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    precision, recall = pairwise(gold, {m.mention_id: m.exemplar_id for m in mentions})
    return {"mentions": n, "exemplars_true": len(set(gold.values())), "exemplars": len(exemplars),
            "links": len(links), "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "load": round(load, 2),
            "peak_rss_mb": round(_peak_mb(), 1), "rss_before_mb": round(before, 1), "peak_reset": reset,
            "precision": round(precision, 4), "recall": round(recall, 4)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # run one size in this process
    args = ap.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.workers)))
        return 0
    print("| mentions | exemplars (true) | exemplars | wall s | CPU s | load | peak RSS MB (before) | "
          "pairwise P | pairwise R |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(n), "--workers", str(args.workers)],
                              capture_output=True, text=True, check=True)
        r = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"| {r['mentions']:,} | {r['exemplars_true']:,} | {r['exemplars']:,} | {r['seconds']} | "
              f"{r['cpu_seconds']} | {r['load']} | "
              f"{r['peak_rss_mb']} ({r['rss_before_mb']}) | {r['precision']:.3f} | {r['recall']:.3f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
