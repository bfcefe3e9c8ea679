#!/usr/bin/env bash
# Benchmarks (bench/): throughput of none vs awslogs vs our plugin, and delivery latency. Same setup as the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsc -p tsconfig.test.json
if [ -z "${DOCKER_HOST:-}" ]; then
  eval "$(bash scripts/dockerd-up.sh)"
  trap 'bash scripts/dockerd-down.sh "$DCW_DOCKERD_ROOT"' EXIT
fi
export DOCKER_HOST
bash scripts/busybox-image.sh busybox:local
if [ "${DCW_BENCH_SKIP_PLUGIN:-0}" != 1 ]; then
  d=$(mktemp -d /tmp/dcw-bench.XXXX)
  PLUGIN_STATE_DIR=$d/state PLUGIN_AWS_DIR=$d/aws \
  PLUGIN_SET="AWS_ACCESS_KEY_ID=AKIDLOCALTEST AWS_SECRET_ACCESS_KEY=local-test-secret AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true" \
    bash scripts/build-plugin.sh
fi
node dist-test/bench/throughput.js "$@"
node dist-test/bench/latency.js
