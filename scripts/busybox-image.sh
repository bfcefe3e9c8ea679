#!/usr/bin/env bash
# Import busybox:local from the host's busybox-static, with no registry (test-machine.md §4). Idempotent.
set -euo pipefail
IMAGE=${1:-busybox:local}
docker image inspect "$IMAGE" >/dev/null 2>&1 && exit 0
BB=$(command -v busybox || true)
[ -n "$BB" ] && file -L "$BB" | grep -q 'statically linked' || { echo "need busybox-static (apt-get install -y busybox-static)" >&2; exit 1; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
mkdir -p "$d"/{bin,tmp,etc,proc,sys,dev,root}
chmod 1777 "$d/tmp"
cp "$BB" "$d/bin/busybox"
for a in $("$d/bin/busybox" --list); do [ "$a" = busybox ] || ln -s busybox "$d/bin/$a"; done
echo 'root:x:0:0:root:/root:/bin/sh' >"$d/etc/passwd"
echo 'root:x:0:' >"$d/etc/group"
tar -C "$d" -c . | docker import -c 'ENV PATH=/bin' -c 'CMD ["/bin/sh"]' - "$IMAGE" >/dev/null
