#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3) from the npm registry into a cache folder, offline-safe:
# its postinstall downloads ripgrep from a host we cannot reach and refuses root, so the steps are done by hand.
# A second run finds the finished install and returns at once. Prints the install folder on its last line.
set -euo pipefail
VERSION=4.100.3
CACHE="${CODE_SERVER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cs-telemetry-e2e/code-server-$VERSION}"
DONE="$CACHE/.installed"
if [ -f "$DONE" ]; then echo "$CACHE"; exit 0; fi

log() { echo "[install-code-server] $*" >&2; }
if ! command -v rg >/dev/null 2>&1; then
  log "installing Debian's ripgrep"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq ripgrep >&2
fi

rm -rf "$CACHE" && mkdir -p "$CACHE" && cd "$CACHE"
echo '{"private":true}' > package.json
log "npm install code-server@$VERSION (scripts off)"
npm install "code-server@$VERSION" --ignore-scripts --no-audit --no-fund --loglevel=error >&2
log "building argon2 (loaded at start-up even with --auth none)"
npm rebuild argon2 --loglevel=error >&2
VS=node_modules/code-server/lib/vscode
(cd "$VS" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
# npm rebuild of these runs `npx node-gyp`, which fails offline; npm's own node-gyp works.
GYP="node $(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
NODEDIR="$(dirname "$(dirname "$(command -v node)")")"
for m in @vscode/spdlog node-pty native-watchdog @vscode/deviceid; do
  log "building $m"
  (cd "$VS/node_modules/$m" && $GYP rebuild --nodedir="$NODEDIR" >/dev/null 2>&1) || { log "failed to build $m"; exit 1; }
done
mkdir -p "$VS/node_modules/@vscode/ripgrep/bin" && ln -sf "$(command -v rg)" "$VS/node_modules/@vscode/ripgrep/bin/rg"
ln -sfn node_modules "$VS/node_modules.asar"
(cd "$VS/bin/remote-cli" && ln -sf code-linux.sh code-server)
(cd "$VS/bin/helpers" && ln -sf browser-linux.sh browser.sh)
(cd "$VS/extensions" && npm install --omit=dev --no-audit --no-fund --loglevel=error >&2)
touch "$DONE"
log "installed in $CACHE"
echo "$CACHE"
