#!/usr/bin/env bash
# Renders the app icon (wwwroot/icons/icon.svg, drawn by us) to the PNG sizes the web app manifest lists, with
# Debian's Chromium (no image library needed). Run after changing icon.svg and commit the PNGs.
set -euo pipefail
dir="$(cd "$(dirname "$0")/../src/IlioCare.Web/wwwroot/icons" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for n in 192 512; do
  printf '<!doctype html><html><head><style>html,body{margin:0;overflow:hidden}img{display:block;width:%spx;height:%spx}</style></head><body><img src="file://%s/icon.svg"></body></html>' \
    "$n" "$n" "$dir" > "$tmp/icon-$n.html"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$n,$n" --screenshot="$dir/icon-$n.png" "file://$tmp/icon-$n.html" 2>/dev/null
done
