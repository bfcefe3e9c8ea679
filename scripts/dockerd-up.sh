#!/usr/bin/env bash
# Start a private, network-isolated dockerd (../shared/reference/test-machine.md §2) and print
# `export DOCKER_HOST=...; export DCW_DOCKERD_ROOT=...` for the caller to eval.
# The root is short on purpose: unix socket paths are limited to 107 bytes.
set -euo pipefail
R=${DCW_DOCKERD_ROOT:-$(mktemp -d /tmp/dt.XXXX)}
mkdir -p "$R"
if [ -S "$R/docker.sock" ] && curl -sf --unix-socket "$R/docker.sock" http://localhost/_ping >/dev/null 2>&1; then
  echo "export DOCKER_HOST=unix://$R/docker.sock; export DCW_DOCKERD_ROOT=$R"
  exit 0
fi
command -v dockerd >/dev/null || { echo "dockerd not installed: apt-get install -y docker.io busybox-static" >&2; exit 1; }
# Fake credentials only serve Docker's built-in awslogs in side-by-side comparisons; IMDS is never probed.
AWS_ACCESS_KEY_ID=AKIDLOCALTEST AWS_SECRET_ACCESS_KEY=local-test-secret AWS_EC2_METADATA_DISABLED=true \
setsid dockerd --data-root "$R/data" --exec-root "$R/exec" -H "unix://$R/docker.sock" --pidfile "$R/docker.pid" \
  --bridge=none --iptables=false --ip6tables=false --ip-masq=false --userland-proxy=false \
  --shutdown-timeout=3 ${DCW_DOCKERD_ARGS:-} </dev/null >>"$R/dockerd.log" 2>&1 9>&- &
pid=$!
for _ in $(seq 1 300); do
  if curl -sf --unix-socket "$R/docker.sock" http://localhost/_ping >/dev/null 2>&1; then
    echo "export DOCKER_HOST=unix://$R/docker.sock; export DCW_DOCKERD_ROOT=$R"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || { echo "dockerd died:" >&2; tail -20 "$R/dockerd.log" >&2; exit 1; }
  sleep 0.1
done
echo "dockerd did not answer within 30 s" >&2; tail -20 "$R/dockerd.log" >&2; exit 1
