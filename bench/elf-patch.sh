#!/usr/bin/env bash
# Times the pure-Java repair of a >= 1 GiB shared library (plan the overlay, stream the patched bytes into a
# new file) against `cp` of the same file, and prints the ratio. Both write a full new copy, so a ratio near 1
# means the edit itself costs next to nothing. Not part of `./mvnw verify`.
#
# usage: bench/elf-patch.sh [size in MiB, default 1100] [runs, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."

size_mib=${1:-1100}
runs=${2:-3}
# On tmpfs when it has room for the library and two copies: on a disk, both contenders mostly measure writeback
base=${TMPDIR:-/tmp}
if [ -d /dev/shm ] && [ "$(df -Pm /dev/shm | awk 'NR==2 { print $4 }')" -gt $((size_mib * 4)) ]; then
    base=/dev/shm
fi
work=$(mktemp -d "$base/rustwheel-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export TMPDIR=$work # gcc's temporary object file, as big as the library, goes there too

./mvnw -B -q -o test-compile

# A sparse blob pulled into .rodata by .incbin: a library with a big static array, generated in seconds
truncate -s "${size_mib}M" "$work/blob.bin"
cat > "$work/big.s" <<ASM
    .section .rodata
    .globl big_array
    .type big_array, @object
big_array:
    .incbin "$work/blob.bin"
    .size big_array, . - big_array
    .section .note.GNU-stack,"",@progbits
ASM
echo 'double big_sqrt(double x) { extern double sqrt(double); return sqrt(x); }' > "$work/big.c"
gcc -shared -fPIC -o "$work/libbig.so" "$work/big.c" "$work/big.s" -Wl,--no-as-needed -lm
rm -f "$work/blob.bin"
echo "library: $(stat -c %s "$work/libbig.so") bytes in $base"
cat "$work/libbig.so" > /dev/null # both contenders start from a warm page cache

seconds() { # runs "$@", prints its wall time in seconds as /usr/bin/time measures it
    /usr/bin/time -f %e -o "$work/time" "$@" > "$work/out"
    cat "$work/time"
}

best_cp="" best_java=""
for i in $(seq "$runs"); do
    t=$(seconds cp --reflink=never "$work/libbig.so" "$work/copy.so"); rm -f "$work/copy.so"
    best_cp=$(printf '%s\n' $best_cp "$t" | sort -g | head -1)
    t=$(seconds java -cp target/classes:target/test-classes dev.rustwheel.binary.elf.patch.PatchBenchmark \
        "$work/libbig.so" "$work/patched.so")
    echo "run $i: $(cat "$work/out")"
    [ "$i" = "$runs" ] && readelf -d -W "$work/patched.so" | grep -E 'NEEDED|SONAME|RPATH' | sed 's/^/  /'
    rm -f "$work/patched.so"
    best_java=$(printf '%s\n' $best_java "$t" | sort -g | head -1)
done
echo "cp:     ${best_cp} s (best of $runs)"
echo "repair: ${best_java} s (best of $runs, JVM start included)"
awk -v r="$best_java" -v c="$best_cp" 'BEGIN { printf "ratio repair/cp: %.2f\n", (c > 0 ? r / c : 0) }'
