#!/bin/sh
# Chromium launcher for DAISY Ace (ace-puppeteer) on Debian, running as root.
#
# Use:  PUPPETEER_EXECUTABLE_PATH=/path/to/tools/ace/chromium-headless.sh
#
# Puppeteer already passes --headless=new, --disable-background-networking,
# --disable-dev-shm-usage, and Ace adds --no-sandbox --disable-setuid-sandbox.
# This wrapper adds them again defensively (a later Ace or puppeteer might
# drop them) plus --disable-gpu, and it calls Debian's real binary
# /usr/lib/chromium/chromium directly, skipping the /usr/bin/chromium shell
# launcher, which sources /etc/chromium.d/* (adds --enable-gpu-rasterization,
# --enable-remote-extensions, --load-extension=..., and prints a harmless
# "[: ...: unexpected operator" error from its dev-shm check).
#
# Do NOT redirect stderr here: puppeteer reads the "DevTools listening on
# ws://..." line from chromium's stderr to connect to the browser.
#
# Set CHROMIUM_BIN to use another chromium binary.
# Set ACE_CHROMIUM_ARGS_LOG=/some/file to record the arguments of each launch.

bin="${CHROMIUM_BIN:-}"
if [ -z "$bin" ]; then
  if [ -x /usr/lib/chromium/chromium ]; then
    bin=/usr/lib/chromium/chromium
  elif [ -x /usr/bin/chromium ]; then
    bin=/usr/bin/chromium
  else
    echo "chromium-headless.sh: no chromium found; run: apt-get install -y chromium" >&2
    exit 127
  fi
fi

if [ -n "${ACE_CHROMIUM_ARGS_LOG:-}" ]; then
  printf '%s\n' "$bin --headless=new --no-sandbox --disable-setuid-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking $*" >> "$ACE_CHROMIUM_ARGS_LOG"
fi

exec "$bin" \
  --headless=new \
  --no-sandbox \
  --disable-setuid-sandbox \
  --disable-gpu \
  --disable-dev-shm-usage \
  --disable-background-networking \
  "$@"
