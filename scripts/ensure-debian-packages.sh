#!/usr/bin/env bash
# Debian packages the tests need, installed when missing: the browser tests drive Debian's Chromium
# (never a downloaded browser) and read Chinese text in screenshots (chromium, fonts-noto-cjk); the
# benchmark test builds the Hugo peer (hugo).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
[ -x /usr/bin/hugo ] || missing+=(hugo)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing ${missing[*]} (Debian packages) for the tests…" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
