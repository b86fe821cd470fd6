#!/bin/sh
# WeasyPrint draws text with Pango; Debian's fonts give it DejaVu. Install them only when missing.
set -e
missing=""
ldconfig -p | grep -q 'libpango-1.0.so' || missing="$missing libpango-1.0-0 libpangoft2-1.0-0"
fc-list 2>/dev/null | grep -q 'DejaVu' || missing="$missing fonts-dejavu-core"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system libraries:$missing"
  apt-get update -qq && apt-get install -y -qq $missing >/dev/null
else
  echo "Please install these system packages first:$missing" >&2
  exit 1
fi
