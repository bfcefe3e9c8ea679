#!/usr/bin/env bash
# The whole test suite: unit tests plus end-to-end tests against a real, private dockerd with the managed plugin
# built by scripts/build-plugin.sh. Starts (and stops) its own dockerd unless DOCKER_HOST is already set.
# Prints node's test-runner summary and fails when any test failed or any Docker test was skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
export DCW_REQUIRE_DOCKER=1

rm -rf dist-test
npx tsc -p tsconfig.test.json
npx tsc -p tsconfig.json

if [ -z "${DOCKER_HOST:-}" ]; then
  eval "$(bash scripts/dockerd-up.sh)"
  trap 'bash scripts/dockerd-down.sh "$DCW_DOCKERD_ROOT"' EXIT
fi
export DOCKER_HOST
bash scripts/busybox-image.sh busybox:local

# The test plugin gets fake static credentials: the local endpoint accepts any SigV4 signature.
TEST_DIRS=$(mktemp -d /tmp/dcw-plugin.XXXX)
export PLUGIN_NAME=${DCW_TEST_PLUGIN:-cloudwatch}
export DCW_TEST_PLUGIN=$PLUGIN_NAME DCW_TEST_AWS_DIR=$TEST_DIRS/aws
PLUGIN_STATE_DIR=$TEST_DIRS/state PLUGIN_AWS_DIR=$TEST_DIRS/aws \
PLUGIN_SET="AWS_ACCESS_KEY_ID=AKIDLOCALTEST AWS_SECRET_ACCESS_KEY=local-test-secret AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true LOG_LEVEL=${DCW_PLUGIN_LOG_LEVEL:-info}" \
  bash scripts/build-plugin.sh

out=$(mktemp /tmp/dcw-test-out.XXXX)
set +e
node --test --test-concurrency=1 --test-reporter=spec ${DCW_TEST_FILES:-$(find dist-test/test -name '*.test.js' | sort)} 2>&1 | tee "$out"
rc=${PIPESTATUS[0]}
set -e
skipped=$(sed -n 's/^ℹ skipped \([0-9]*\)$/\1/p' "$out" | tail -1)
if [ "$rc" = 0 ] && [ "${skipped:-0}" != 0 ]; then
  echo "FAIL: $skipped test(s) were skipped; the suite must run everything, Docker end-to-end tests included" >&2
  rc=1
fi
exit "$rc"
