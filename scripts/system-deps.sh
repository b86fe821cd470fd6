#!/bin/sh
# System libraries, installed only when missing (and only where we may: root with apt-get).
#   runtime: Pango draws the text for WeasyPrint, HarfBuzz-subset embeds font subsets quickly
#            and reproducibly, DejaVu is the brief's font.
#   --test:  poppler-utils (pdftotext, pdfinfo, pdffonts) and qpdf, with which the tests read the PDF back.
set -e
missing=""
has_lib() { ldconfig -p | grep -q "$1"; }
has_lib 'libpango-1.0.so' || missing="$missing libpango-1.0-0 libpangoft2-1.0-0"
has_lib 'libharfbuzz-subset.so' || missing="$missing libharfbuzz-subset0"
fc-list 2>/dev/null | grep -q 'DejaVu' || missing="$missing fonts-dejavu-core"
if [ "${1:-}" = "--test" ]; then
  command -v pdfinfo >/dev/null || missing="$missing poppler-utils"
  command -v qpdf >/dev/null || missing="$missing qpdf"
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system packages:$missing"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
  echo "Please install these system packages first:$missing" >&2
  exit 1
fi
