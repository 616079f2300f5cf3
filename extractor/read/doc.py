"""Legacy Word .doc (and RTF): converted to .docx by LibreOffice headless, then read as DOCX.

LibreOffice runs with a private user profile (one per process, made on first use and removed at
exit, so conversions after the first skip the slow profile set-up) and a private output folder
per file. The input is copied there under a plain name: the original is never touched, and odd
file names cannot confuse the command line. The conversion is killed after
`settings.file_timeout_s`.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

from ..errors import DocumentLoadError, MissingToolError
from ..model import Document
from ..settings import Settings
from .docx import read_docx

INSTALL_HINT = "install LibreOffice: apt-get install libreoffice-writer-nogui (or libreoffice)"
_lock = threading.Lock()
_profile: Path | None = None


def read(path: Path, settings: Settings | None = None) -> Document:
    settings = settings or Settings()
    with tempfile.TemporaryDirectory(prefix="extractor-doc-") as tmp:
        converted = convert_to_docx(path, Path(tmp), settings.file_timeout_s)
        doc = read_docx(converted, "doc")
    doc.path = str(path)
    return doc


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise MissingToolError(f"LibreOffice (soffice) is needed to read .doc files: {INSTALL_HINT}")
    return exe


def convert_to_docx(path: Path, workdir: Path, timeout_s: float) -> Path:
    """Convert `path` to a .docx inside `workdir` and return its path."""
    exe = soffice()
    source = workdir / f"input{path.suffix.lower() if path.suffix.lower() in ('.doc', '.rtf') else '.doc'}"
    shutil.copyfile(path, source)
    outdir = workdir / "out"
    outdir.mkdir()
    cmd = [exe, f"-env:UserInstallation={_profile_dir().as_uri()}", "--headless", "--norestore", "--nologo",
           "--nodefault", "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(outdir),
           str(source)]
    with _lock:  # one conversion at a time per profile
        _run(cmd, timeout_s)
    produced = outdir / "input.docx"
    if not produced.exists() or produced.stat().st_size == 0:
        raise DocumentLoadError("LibreOffice could not convert the .doc file (corrupt, encrypted or not a Word file)")
    return produced


def _profile_dir() -> Path:
    global _profile  # noqa: PLW0603 - one private profile per process
    if _profile is None:
        _profile = Path(tempfile.mkdtemp(prefix="extractor-lo-profile-"))
        atexit.register(shutil.rmtree, _profile, True)
    return _profile


def _drop_profile() -> None:
    global _profile  # noqa: PLW0603
    if _profile is not None:
        shutil.rmtree(_profile, ignore_errors=True)
        _profile = None


def _run(cmd: list[str], timeout_s: float) -> None:
    env = {**os.environ, "HOME": str(_profile_dir()), "SAL_USE_VCLPLUGIN": "svp"}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True)
    try:
        _out, err = proc.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # soffice forks soffice.bin: end the whole group
        proc.communicate()
        _drop_profile()  # a killed instance may leave its profile locked or half written
        raise DocumentLoadError(f"LibreOffice took longer than {timeout_s:.0f} s to convert the file") from None
    if proc.returncode != 0:
        message = err.decode("utf-8", "replace").strip().splitlines()
        reason = message[-1] if message else f"exit status {proc.returncode}"
        raise DocumentLoadError(f"LibreOffice failed to convert the file: {reason}")
