#!/usr/bin/env bash
# The end-to-end tests need two programs from Debian's packages: Chromium (Playwright drives it; its own
# browser download is blocked on these machines) and a Java runtime (the Nu HTML checker, vnu.jar from the
# vnu-jar npm package, checks the main pages' markup).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${missing[*]} for the end-to-end tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "Missing: ${missing[*]}. Install with: sudo apt-get install -y ${missing[*]}   (then run the tests again)" >&2
exit 1
