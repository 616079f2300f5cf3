#!/usr/bin/env python3
"""Generate a synthetic corpus of plans ("Kế hoạch nhân rộng mô hình, điển hình tiên tiến") of any size.

    .venv/bin/python benchmarks/generate.py OUT --docs 10000 --formats txt,docx --seed 1
    .venv/bin/python benchmarks/generate.py OUT --docs 40 --formats pdf,doc,scan --scans 3

Each plan is a `corpora/build.py` source dict made from templates: a real province with real
districts and communes of it (vietnamadminunits' `admin_units_legacy`, codes as the gazetteer
has them), actors drawn from templates ("Hội Nông dân xã X, huyện Y", "Công an huyện Y", "Gia
đình ông ..., thôn ...", "Hợp tác xã ...", persons with generated names), quoted model titles
and descriptions from word pools, in one of three appendix layouts (the seed's unmerged
section rows, merged section rows with counts, a four-column "Tên mô hình | Đơn vị | Địa chỉ"
table). The documents are rendered by corpora/build.py's own functions:

    OUT/txt/<id>.txt      Word "Plain Text" dump (the seed's style)
    OUT/docx/<id>.docx    python-docx
    OUT/html/<id>.html    a legal-portal page
    OUT/pdf/<id>.pdf      LibreOffice's PDF of the DOCX (born-digital), in batches of --batch files per soffice call
    OUT/doc/<id>.doc      LibreOffice's "MS Word 97" export of the DOCX (through ODT, as corpora/build.py)
    OUT/scan/<id>.scan.pdf  the first --scans PDFs rasterised, skewed and noised (image only)
    OUT/manifest.json     seed, formats and the rows each document holds (collect() skips *.json)

Deterministic for a given --seed: document i depends only on (seed, i), so a larger corpus
starts with the documents of a smaller one; txt, docx, html and pdf are byte-identical between
runs (LibreOffice's .doc carries its own timestamps). Text formats are rendered by --jobs
processes; LibreOffice does pdf/doc.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from multiprocessing import get_context
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("txt", "docx", "html", "pdf", "doc", "scan")


def load_build() -> ModuleType:
    """corpora/build.py, imported by path (it is a script, not a package module)."""
    spec = importlib.util.spec_from_file_location("corpora_build", ROOT / "corpora" / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = load_build()

# ---------------------------------------------------------------- word pools

PRODUCTS = ["chanh leo", "cam sành", "bưởi đỏ", "chè Shan tuyết", "chuối tiêu hồng", "rau an toàn", "dứa", "mía tím",
            "quế", "lạc", "lúa chất lượng cao", "nấm", "mật ong", "dược liệu", "cà phê", "thanh long", "hồ tiêu",
            "điều", "xoài", "nhãn", "vải thiều", "sâm", "măng tre", "gạo hữu cơ"]
ANIMALS = ["lợn", "gà", "bò", "dê", "trâu", "vịt", "ong", "cá", "tôm", "ba ba", "lươn", "thỏ"]
MIDDLE_M = ["Văn", "Đức", "Minh", "Xuân", "Hữu", "Quang", "Thanh", "Ngọc", "Công", "Đình"]
MIDDLE_F = ["Thị", "Ngọc", "Thanh", "Hồng", "Thu", "Kim", "Minh"]
GIVEN_M = ["Hùng", "Hưng", "Thắng", "Tiến", "Hải", "Nam", "Bình", "Toàn", "Chính", "Quân", "Khánh", "Phúc", "Long",
           "Dũng", "Cường", "Tuấn", "Sơn", "Lâm", "Trung", "Kiên"]
GIVEN_F = ["Hoa", "Lan", "Mai", "Hương", "Hằng", "Thu", "Dung", "Loan", "Tâm", "Nga", "Yến", "Liên", "Huệ", "Nhung"]
HAMLET_TYPES = ["thôn", "xóm", "bản", "ấp", "khu"]
HAMLET_NAMES = ["Tân Tiến", "Đoàn Kết", "Thống Nhất", "Đồng Tâm", "Tân Lập", "Hợp Nhất", "Quyết Thắng", "Bình Minh",
                "Tiền Phong", "Hòa Bình", "Trung Tâm", "Chiến Thắng", "Phú Lợi", "Tân Phú", "Cầu Trắng", "Na Hang"]
TITLES = [
    "Trồng và tiêu thụ {product} theo chuỗi giá trị", "Sản xuất {product} theo tiêu chuẩn VietGAP",
    "Nuôi {animal} an toàn sinh học", "Liên kết sản xuất và tiêu thụ {product}", "Làm giàu từ nuôi {animal}",
    "Phát triển kinh tế gia đình từ trồng {product}", "Du lịch cộng đồng gắn với vùng {product}",
    "Câu lạc bộ gia đình phát triển bền vững", "Tổ tự quản về an ninh trật tự ở khu dân cư",
    "Camera an ninh - Mắt thần khu phố", "Thư viện thân thiện của bé", "Dân vận khéo trong xây dựng nông thôn mới",
    "Tổ phụ nữ tiết kiệm giúp nhau phát triển kinh tế", "Khám chữa bệnh bằng y học cổ truyền",
    "Cựu chiến binh giúp nhau giảm nghèo", "Tuyến đường thanh niên tự quản văn minh",
    "Phân loại rác thải tại nguồn", "Bữa ăn bán trú đủ chất cho học sinh vùng cao", "Khu dân cư không ma túy",
    "Dòng họ khuyến học, khuyến tài", "Thôn kiểu mẫu xanh - sạch - đẹp", "Chung tay vì người nghèo",
]
DESCRIPTIONS = [
    "liên kết với doanh nghiệp bao tiêu sản phẩm, giúp {n} hộ hội viên có thu nhập ổn định",
    "doanh thu trên {n}0 triệu đồng/năm, giải quyết việc làm thường xuyên cho {k} lao động",
    "mở rộng diện tích lên {n} ha, sản phẩm đạt chứng nhận OCOP 3 sao",
    "huy động nhân dân đóng góp {n} ngày công, {k} km đường được trồng hoa và thắp sáng",
    "giúp đỡ {n} hộ dân có hoàn cảnh khó khăn vươn lên thoát nghèo bền vững",
    "tổ chức {k} buổi tuyên truyền thu hút hơn {n}0 lượt người tham gia",
    "tỷ lệ học sinh đi học chuyên cần đạt {k}9%, được phụ huynh và nhân dân ghi nhận",
    "phát hiện, xử lý kịp thời {n} vụ việc, giữ vững an ninh trật tự trên địa bàn",
]
BODY = [
    "Thực hiện Kế hoạch số {ref}/KH-UBND ngày {d}/{m}/{y0} của Ủy ban nhân dân tỉnh về tuyên truyền, xây dựng và "
    "nhân rộng điển hình tiên tiến, Ủy ban nhân dân tỉnh {province} ban hành Kế hoạch nhân rộng mô hình, điển hình "
    "tiên tiến năm {y} (có danh sách kèm theo), cụ thể như sau:",
    {"text": "I. MỤC ĐÍCH, YÊU CẦU", "bold": True},
    "Tuyên truyền, phổ biến và nhân rộng các mô hình hay, cách làm sáng tạo, hiệu quả của các tập thể, cá nhân trên "
    "các lĩnh vực của đời sống xã hội; khơi dậy tinh thần thi đua yêu nước, góp phần thực hiện thắng lợi nhiệm vụ "
    "phát triển kinh tế - xã hội năm {y}.",
    "- Việc nhân rộng mô hình, điển hình tiên tiến phải thiết thực, phù hợp với điều kiện thực tế của từng địa "
    "phương, cơ quan, đơn vị; tránh hình thức, lãng phí.",
    {"text": "II. NỘI DUNG", "bold": True},
    "1. Các sở, ban, ngành, đoàn thể tỉnh, UBND các huyện, thị xã, thành phố tổ chức cho cán bộ, công chức, viên "
    "chức, người lao động và nhân dân tham quan, học tập các mô hình, điển hình tiên tiến theo danh sách kèm theo.",
    "2. Các cơ quan thông tin, báo chí mở chuyên trang, chuyên mục giới thiệu các mô hình, điển hình tiên tiến.",
    {"text": "III. TỔ CHỨC THỰC HIỆN", "bold": True},
    "Giao Sở Nội vụ (Ban Thi đua - Khen thưởng) chủ trì, phối hợp với các cơ quan liên quan hướng dẫn, theo dõi, "
    "đôn đốc việc thực hiện Kế hoạch này./.",
]
RECIPIENTS = ["Nơi nhận:", "- Ban Thi đua - Khen thưởng Trung ương;", "- TT. Tỉnh ủy, TT. HĐND tỉnh;",
              "- Các sở, ban, ngành, đoàn thể tỉnh;", "- UBND các huyện, thị xã, thành phố;", "- Lưu: VT, TĐKT."]
LAYOUTS = ("seed", "merged", "columns")

# ---------------------------------------------------------------- gazetteer


def gazetteer() -> dict[str, list[tuple[str, ...]]]:
    """Province (its long name) -> (province short, district type, district, commune type, commune) rows."""
    import vietnamadminunits  # noqa: PLC0415

    db = Path(vietnamadminunits.__file__).parent / "data" / "dataset.db"
    with sqlite3.connect(db) as con:
        rows = con.execute(
            "select province, provinceShort, districtType, districtShort, wardType, wardShort from admin_units_legacy "
            "where wardType is not null and wardAlias is null and districtShortDuplicated = 0 "
            "and wardShortDuplicated = 0 order by provinceCode, districtCode, wardCode").fetchall()
    out: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for prov, short, dtype, dist, wtype, ward in rows:
        if ward.isdigit() or dist.isdigit():
            continue  # numbered wards and districts ("Phường 5") need no more than the others here
        out[prov].append((short, dtype.lower(), dist, wtype.lower(), ward))
    return dict(out)


def surnames() -> list[str]:
    lines = (ROOT / "extractor" / "data" / "surnames.txt").read_text(encoding="utf-8").splitlines()
    return [s.strip() for s in lines if s.strip() and not s.startswith("#")][:40]


# ---------------------------------------------------------------- one plan


def slug(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return "-".join("".join(c if c.isalnum() else " " for c in text).split())


class Maker:
    """Builds source dicts: document i of a seed is always the same."""

    def __init__(self, seed: int, rows: tuple[int, int]) -> None:
        self.seed, self.rows = seed, rows
        self.places = gazetteer()
        self.provinces = sorted(self.places)
        self.family = surnames()

    def person(self, rng: random.Random) -> tuple[str, str]:
        female = rng.random() < 0.45
        middle, given = (MIDDLE_F, GIVEN_F) if female else (MIDDLE_M, GIVEN_M)
        return ("Bà" if female else "Ông"), f"{rng.choice(self.family)} {rng.choice(middle)} {rng.choice(given)}"

    def actor(self, rng: random.Random, unit: tuple[str, ...]) -> tuple[str, str]:
        """(actor text, address) for one row; the address is the locality chain of the actor."""
        _prov, dtype, dist, wtype, ward = unit
        hamlet = f"{rng.choice(HAMLET_TYPES)} {rng.choice(HAMLET_NAMES)}"
        place = f"{wtype} {ward}, {dtype} {dist}"
        honorific, name = self.person(rng)
        product = rng.choice(PRODUCTS)
        k = rng.randrange(10)
        if k == 0:
            return f"Hội Nông dân {wtype} {ward}", place
        if k == 1:
            return f"Hội Liên hiệp Phụ nữ {wtype} {ward}", place
        if k == 2:
            return f"Công an {dtype} {dist}", f"{dtype} {dist}"
        if k == 3:
            return f"Gia đình {honorific.lower()} {name}", f"{hamlet}, {place}"
        if k in (4, 5):
            return f"{honorific} {name}", f"{hamlet}, {place}"
        if k == 6:
            return f"Hợp tác xã {product.capitalize()} {ward}", place
        if k == 7:
            return f"Trường Trung học cơ sở {wtype} {ward}", place
        if k == 8:
            return f"Chi hội Cựu chiến binh {hamlet}", f"{hamlet}, {place}"
        return f"Đoàn Thanh niên {wtype} {ward}", place

    def model(self, rng: random.Random, kind: str) -> tuple[str, str]:
        title = rng.choice(TITLES).format(product=rng.choice(PRODUCTS), animal=rng.choice(ANIMALS))
        description = rng.choice(DESCRIPTIONS).format(n=rng.randint(2, 95), k=rng.randint(2, 9))
        return title, description

    def source(self, i: int) -> dict[str, Any]:
        rng = random.Random(self.seed * 1_000_003 + i)
        prov_long = rng.choice(self.provinces)
        units = self.places[prov_long]
        province = units[0][0]
        city = prov_long.startswith("Thành phố")
        year = rng.randint(2016, 2024)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        number = rng.randint(10, 399)
        layout = LAYOUTS[rng.randrange(len(LAYOUTS))]
        n_rows = rng.randint(*self.rows)
        n_models = max(1, round(n_rows * rng.uniform(0.5, 0.8)))
        sid = f"{slug(province)}-{year}-{number}-KH-UBND-{i:05d}"
        issuer_level = "THÀNH PHỐ" if city else "TỈNH"
        meta = {
            "doc_type": "Kế hoạch", "doc_number": f"{number}/KH-UBND",
            "issuer_lines": ["ỦY BAN NHÂN DÂN", f"{issuer_level} {province.upper()}"],
            "issuer_long": prov_long, "province": province, "place": province,
            "date": f"{year}-{month:02d}-{day:02d}",
            "title": f"Nhân rộng mô hình, điển hình tiên tiến năm {year}",
            "title_lines": ["KẾ HOẠCH", f"NHÂN RỘNG MÔ HÌNH, ĐIỂN HÌNH TIÊN TIẾN NĂM {year}"],
            "sign_lines": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
            "signer": self.person(rng)[1], "recipients": RECIPIENTS,
        }
        fill = {"ref": rng.randint(10, 300), "d": rng.randint(1, 28), "m": rng.randint(1, 12), "y0": year - 3,
                "y": year, "province": province}
        body = [p.format(**fill) if isinstance(p, str) else p for p in BODY]
        rows: list[Any] = []
        header = {"seed": ["Số TT", "Tên tập thể, cá nhân", "Mô hình, điển hình"],
                  "merged": ["STT", "Tập thể, cá nhân", "Mô hình, điển hình"],
                  "columns": ["TT", "Tên mô hình", "Đơn vị thực hiện", "Địa chỉ"]}[layout]
        widths = [1.2, 7.2, 4.6, 4.6] if layout == "columns" else [1.3, 6.0, 8.7]
        rows.append(header)
        for section, label, count in (("I", "MÔ HÌNH", n_models), ("II", "ĐIỂN HÌNH", n_rows - n_models)):
            if not count:
                continue
            if layout == "seed":
                rows.append({"section": [section, f"{label}: {count:02d}", "\u00a0"]})
            else:
                rows.append({"section": f"{section}. {label}: {count:02d}"})
            word = "Mô hình" if section == "I" else "Điển hình"
            for n in range(1, count + 1):
                unit = rng.choice(units)
                actor, address = self.actor(rng, unit)
                title, description = self.model(rng, word)
                if layout == "columns":
                    rows.append([str(n), f"{word} “{title}”, {description}", actor, address[:1].upper() + address[1:]])
                else:
                    rows.append([str(n), f"{actor}, {address}", f"{word}: “{title}”, {description}"])
        appendix = {"caption": ["PHỤ LỤC", f"DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH TIÊN TIẾN NĂM {year}",
                                f"(Kèm theo Kế hoạch số {number}/KH-UBND ngày {day}/{month}/{year} "
                                f"của Ủy ban nhân dân {'thành phố' if city else 'tỉnh'} {province})"],
                    "landscape": layout == "columns",
                    "tables": [{"widths": widths, "header_rows": 1, "rows": rows}]}
        return {"id": sid, "about": f"synthetic, layout {layout}", "meta": meta, "body": body,
                "appendices": [appendix], "rows": n_rows, "layout": layout}


# ---------------------------------------------------------------- rendering

_MAKER: Maker | None = None


def _init(seed: int, rows: tuple[int, int]) -> None:
    global _MAKER  # noqa: PLW0603 - one Maker per rendering process
    _MAKER = Maker(seed, rows)


def _render(job: tuple[int, Path, tuple[str, ...]]) -> tuple[str, int, str]:
    """Render document i into the text formats; (id, rows, layout)."""
    i, out, formats = job
    assert _MAKER is not None
    src = _MAKER.source(i)
    blocks = build.build_blocks(src)
    sid = src["id"]
    if "txt" in formats:
        (out / "txt" / f"{sid}.txt").write_bytes(build.txt_word(blocks).encode("utf-8"))
    if "html" in formats:
        (out / "html" / f"{sid}.html").write_text(build.render_html(src, blocks), encoding="utf-8")
    if {"docx", "pdf", "doc", "scan"} & set(formats):
        target = out / "docx" if "docx" in formats else out / ".docx"
        build.render_docx(src, blocks, target / f"{sid}.docx")
    return sid, src["rows"], src["layout"]


def soffice(files: list[Path], target: str, outdir: Path, batch: int, profile: Path) -> None:
    """build.soffice_convert in batches, with a LibreOffice profile of our own (not the corpus build's)."""
    old = tempfile.tempdir
    tempfile.tempdir = str(profile)  # build.soffice_convert keeps its profile under gettempdir()
    try:
        for k in range(0, len(files), batch):
            build.soffice_convert(files[k:k + batch], target, outdir)
    finally:
        tempfile.tempdir = old


def generate(out: Path, docs: int, formats: tuple[str, ...], *, seed: int = 1, rows: tuple[int, int] = (6, 24),
             scans: int = 3, jobs: int | None = None, batch: int = 50, mix: bool = False,
             quiet: bool = True) -> dict[str, Any]:
    """Write `docs` synthetic plans into `out` in `formats` (with `mix`, document i in formats[i % n] only);
    returns the manifest."""
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise SystemExit(f"unknown format(s): {', '.join(sorted(unknown))} (choose from {', '.join(FORMATS)})")
    started = time.monotonic()
    out.mkdir(parents=True, exist_ok=True)
    for fmt in ("txt", "html", "docx"):
        if fmt in formats:
            (out / fmt).mkdir(exist_ok=True)
    if {"pdf", "doc", "scan"} & set(formats) and "docx" not in formats:
        (out / ".docx").mkdir(exist_ok=True)  # LibreOffice's input, hidden from a run over OUT
    jobs = jobs or os.cpu_count() or 1
    if mix:
        if not set(formats) <= {"txt", "docx", "html"}:
            raise SystemExit("--mix takes text formats only (txt, docx, html)")
        work = [(i, out, (formats[i % len(formats)],)) for i in range(docs)]
    else:
        work = [(i, out, formats) for i in range(docs)]
    if jobs > 1 and docs > 20:
        with get_context("fork").Pool(jobs, initializer=_init, initargs=(seed, rows)) as pool:
            done = pool.map(_render, work, chunksize=16)
    else:
        _init(seed, rows)
        done = [_render(job) for job in work]
    timings = {"text": round(time.monotonic() - started, 1)}
    docx_dir = out / "docx" if "docx" in formats else out / ".docx"
    docx_files = [docx_dir / f"{sid}.docx" for sid, _, _ in done]
    profile = out / ".lo_profile"
    if "pdf" in formats or "scan" in formats:
        t0 = time.monotonic()
        pdf_dir = out / "pdf" if "pdf" in formats else out / ".pdf"
        soffice(docx_files if "pdf" in formats else docx_files[:scans], "pdf:writer_pdf_Export", pdf_dir, batch,
                profile)
        for sid, _, _ in done:
            if (pdf_dir / f"{sid}.pdf").exists():
                build.pin_pdf(pdf_dir / f"{sid}.pdf")
        timings["pdf"] = round(time.monotonic() - t0, 1)
        if "scan" in formats:
            t0 = time.monotonic()
            (out / "scan").mkdir(exist_ok=True)
            for i, (sid, _, _) in enumerate(done[:scans]):
                build.make_scan(pdf_dir / f"{sid}.pdf", out / "scan" / f"{sid}.scan.pdf", seed * 10_000 + i)
            timings["scan"] = round(time.monotonic() - t0, 1)
    if "doc" in formats:
        t0 = time.monotonic()
        # as corpora/build.py does: through ODT, since LibreOffice's Word 97 export of a python-docx
        # DOCX drops its tables
        odt = out / ".odt"
        soffice(docx_files, "odt", odt, batch, profile)
        soffice([odt / f"{sid}.odt" for sid, _, _ in done], "doc:MS Word 97", out / "doc", batch, profile)
        shutil.rmtree(odt)
        timings["doc"] = round(time.monotonic() - t0, 1)
    shutil.rmtree(profile, ignore_errors=True)
    manifest = {"seed": seed, "docs": docs, "formats": list(formats), "mix": mix, "rows_range": list(rows),
                "scans": scans,
                "timings_s": timings, "documents": {sid: {"rows": n, "layout": lay} for sid, n, lay in done}}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    if not quiet:
        total = time.monotonic() - started
        print(f"{docs} document(s), {sum(n for _, n, _ in done)} rows, formats {','.join(formats)} -> {out} "
              f"in {total:.1f} s {timings}", file=sys.stderr)
    return manifest


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--formats", default="txt,docx", help=f"comma-separated, of {','.join(FORMATS)}")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rows", default="6-24", help="rows per document, MIN-MAX")
    ap.add_argument("--scans", type=int, default=3, help="how many documents get a scanned PDF")
    ap.add_argument("--jobs", type=int, default=None, help="processes rendering text formats (default: cores)")
    ap.add_argument("--batch", type=int, default=50, help="files per LibreOffice call")
    ap.add_argument("--mix", action="store_true", help="document i in one format, formats[i %% n] (text formats)")
    args = ap.parse_args()
    lo, _, hi = args.rows.partition("-")
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    generate(args.out, args.docs, formats, seed=args.seed, rows=(int(lo), int(hi or lo)), scans=args.scans,
             jobs=args.jobs, batch=args.batch, mix=args.mix, quiet=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
