#!/usr/bin/env bash
# Build the plugin rootfs from plugin/Dockerfile (needs a registry for node:20-bookworm-slim), then create and
# enable the plugin like scripts/build-plugin.sh does. The node path differs from the offline build, so the
# entrypoint in config.json is rewritten to /usr/local/bin/node.
set -euo pipefail
cd "$(dirname "$0")/.."
PLUGIN_NAME=${PLUGIN_NAME:-cloudwatch}
OUT=build/plugin-docker
rm -rf "$OUT" && mkdir -p "$OUT/rootfs"
docker build -f plugin/Dockerfile -t "$PLUGIN_NAME-rootfs" .
id=$(docker create "$PLUGIN_NAME-rootfs" true)
docker export "$id" | tar -x -C "$OUT/rootfs"
docker rm -v "$id" >/dev/null
sed 's#"/usr/bin/node"#"/usr/local/bin/node"#' config.json >"$OUT/config.json"
mkdir -p "${PLUGIN_STATE_DIR:-/var/lib/docker-cloudwatch/state}" "${PLUGIN_AWS_DIR:-/var/lib/docker-cloudwatch/aws}"
docker plugin rm -f "$PLUGIN_NAME" >/dev/null 2>&1 || true
docker plugin create "$PLUGIN_NAME" "$OUT"
docker plugin set "$PLUGIN_NAME" state.source="${PLUGIN_STATE_DIR:-/var/lib/docker-cloudwatch/state}" aws.source="${PLUGIN_AWS_DIR:-/var/lib/docker-cloudwatch/aws}"
docker plugin enable "$PLUGIN_NAME"
