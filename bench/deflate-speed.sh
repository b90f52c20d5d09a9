#!/usr/bin/env bash
# Our deflate (dev.rustwheel.wheel.deflate.BlockCompressor) against the JDK's Deflater (the system zlib) on machine
# code, one thread, in one JVM: the input is compressed in 1 MiB pieces each primed with the 32 KiB before it, as
# the wheel writer does; the runs alternate piece by piece (zlib, ours at each level, in an order that rotates, so
# all share whatever else the machine does) and the medians of the rounds' thread CPU times are printed with the
# sizes and the ratios to zlib's. Our output is inflated back before any timing.
# The input is the machine's shared libraries concatenated, as in bench/wheel-speed.sh. Not part of `./mvnw verify`.
#
# usage: bench/deflate-speed.sh [MiB, default 256] [rounds, default 5] [zlib level, default 5] [our levels, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-256}
rounds=${2:-5}
baseline=${3:-5}
shift $(( $# < 3 ? $# : 3 ))
levels=("${@:-5}")
work=$(mktemp -d "${TMPDIR:-/tmp}/rustwheel-deflate-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

. bench/lib.sh

./mvnw -B -q -o test-compile > "$work/build.log" || { tail -30 "$work/build.log"; exit 1; }
library_bytes "$size_mib" "$work/blob.bin"
java -Xmx$((size_mib * 3 + 256))m -cp target/classes:target/test-classes dev.rustwheel.wheel.deflate.DeflateSpeed \
    "$work/blob.bin" "$rounds" "$baseline" "${levels[@]}"
awk '{ print "load average at the end: " $1 " " $2 " " $3 }' /proc/loadavg
