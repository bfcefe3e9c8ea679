#!/usr/bin/env bash
# Build the managed plugin offline and install it into the engine at DOCKER_HOST (test-machine.md §5):
#   rootfs = the host's node binary + the libraries ldd lists + dist/ + proto/ + production node_modules.
# Environment:
#   PLUGIN_NAME        plugin reference (default cloudwatch)
#   PLUGIN_STATE_DIR   host source of the `state` mount (default /var/lib/docker-cloudwatch/state)
#   PLUGIN_AWS_DIR     host source of the `aws` mount   (default /var/lib/docker-cloudwatch/aws)
#   PLUGIN_SET         extra space-separated `docker plugin set` arguments, e.g. "LOG_LEVEL=debug"
#   PLUGIN_ENABLE      0 leaves the plugin disabled after creating it (default 1)
set -euo pipefail
cd "$(dirname "$0")/.."
PLUGIN_NAME=${PLUGIN_NAME:-cloudwatch}
STATE_DIR=${PLUGIN_STATE_DIR:-/var/lib/docker-cloudwatch/state}
AWS_DIR=${PLUGIN_AWS_DIR:-/var/lib/docker-cloudwatch/aws}
OUT=build/plugin
step() { echo "[plugin] $*"; }

step "compiling TypeScript"
npx tsc -p tsconfig.json

step "staging production node_modules"
rm -rf build/app && mkdir -p build/app
cp package.json package-lock.json build/app/
(cd build/app && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error >/dev/null)

step "assembling rootfs in $OUT/rootfs"
rm -rf "$OUT" && mkdir -p "$OUT/rootfs"
R=$OUT/rootfs
mkdir -p "$R"/{usr/bin,app,etc,tmp,proc,sys,dev,run/docker/plugins,var/lib/docker-cloudwatch,etc/docker-cloudwatch/aws}
chmod 1777 "$R/tmp"
NODE=$(readlink -f "$(command -v node)")
cp "$NODE" "$R/usr/bin/node"
for lib in $(ldd "$NODE" | grep -oE '/[^ ]+'); do
  mkdir -p "$R$(dirname "$lib")"
  cp -L "$lib" "$R$lib"
done
: >"$R/etc/hosts"; : >"$R/etc/resolv.conf"
echo 'root:x:0:0:root:/root:/bin/sh' >"$R/etc/passwd"
echo 'root:x:0:' >"$R/etc/group"
cp -r dist proto package.json "$R/app/"
mv build/app/node_modules "$R/app/node_modules"
cp config.json "$OUT/config.json"
env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin chroot "$R" /usr/bin/node -e 'require("/app/node_modules/protobufjs"); process.exit(0)' || { echo "rootfs smoke test failed" >&2; exit 1; }

step "installing as $PLUGIN_NAME on ${DOCKER_HOST:-the default engine}"
if docker plugin inspect "$PLUGIN_NAME" >/dev/null 2>&1; then
  docker plugin disable -f "$PLUGIN_NAME" >/dev/null 2>&1 || true
  docker plugin rm -f "$PLUGIN_NAME" >/dev/null
fi
docker plugin create "$PLUGIN_NAME" "$OUT" >/dev/null
# A mount whose source is missing makes enable fail (test-machine.md gotcha 5).
mkdir -p "$STATE_DIR" "$AWS_DIR"
chmod 700 "$AWS_DIR"
# shellcheck disable=SC2086
docker plugin set "$PLUGIN_NAME" state.source="$STATE_DIR" aws.source="$AWS_DIR" ${PLUGIN_SET:-}
if [ "${PLUGIN_ENABLE:-1}" = 1 ]; then
  docker plugin enable "$PLUGIN_NAME" >/dev/null
  step "enabled $PLUGIN_NAME"
else
  step "created $PLUGIN_NAME (disabled)"
fi
