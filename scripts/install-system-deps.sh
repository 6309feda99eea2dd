#!/usr/bin/env bash
# Debian packages the project uses outside npm: poppler-utils and qpdf to inspect PDFs (pdfsig checks the
# signatures of issued acts, with libnss3-tools' certutil trusting the development CA: npm run test:system),
# chromium for the browser tests of the console (npm run test:browser) and for the benchmark that
# compares our PDF rendering with headless Chromium.
# `npm install && npm start` and `npm test` need none of them.
set -euo pipefail
pkgs=(poppler-utils qpdf chromium libnss3-tools)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then echo "system packages present: ${pkgs[*]}"; exit 0; fi
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
