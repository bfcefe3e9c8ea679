#!/usr/bin/env bash
# Stop the private dockerd started by dockerd-up.sh (test-machine.md §2 "Stopping cleanly").
set -uo pipefail
R=${1:-${DCW_DOCKERD_ROOT:?usage: dockerd-down.sh ROOT}}
export DOCKER_HOST=unix://$R/docker.sock
ids=$(docker ps -q 2>/dev/null); [ -n "$ids" ] && docker kill $ids >/dev/null 2>&1
pid=$(cat "$R/docker.pid" 2>/dev/null) || exit 0
kill -TERM "$pid" 2>/dev/null
for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.1; done
kill -KILL "$pid" 2>/dev/null
pkill -KILL -f "containerd-shim.*$R/exec" 2>/dev/null
[ -f "$R/exec/containerd/containerd.pid" ] && kill -KILL "$(cat "$R/exec/containerd/containerd.pid")" 2>/dev/null
exit 0
