#!/usr/bin/env bash
# What the tests need that npm does not bring, from Debian's packages: Chromium (every user flow
# is clicked through in it), the CJK fonts (without them Chinese renders as boxes in screenshots
# and PDFs) and poppler-utils (pdftotext reads the printed record book back). Installs them when
# run as root; otherwise stops at once with the exact command to run.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ ${#need[@]} -eq 0 ] && exit 0

cmd="apt-get update && apt-get install -y ${need[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "测试需要以下软件包 / The tests need: ${need[*]} (Debian/Ubuntu: $cmd)" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "测试需要以下软件包，请先安装 / The tests need these packages; install them first:" >&2
  echo "  sudo sh -c '$cmd'" >&2
  exit 1
fi
echo "Installing ${need[*]} …"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
