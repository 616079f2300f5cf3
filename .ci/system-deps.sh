#!/bin/sh
# System tools the readers need: Tesseract with its Vietnamese model (scanned PDFs) and
# LibreOffice (legacy .doc); Chromium, headless, for the test that renders the run report.
# Installed with apt-get only when missing.
set -e
need=""
command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie || need="$need tesseract-ocr tesseract-ocr-vie"
command -v soffice >/dev/null 2>&1 || need="$need libreoffice-writer-nogui"
command -v pdftoppm >/dev/null 2>&1 || need="$need poppler-utils"
command -v chromium >/dev/null 2>&1 || need="$need chromium"
if [ -n "$need" ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need >/dev/null
fi
