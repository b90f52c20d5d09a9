#!/usr/bin/env bash
# Long runs of the ELF mutation fuzzer (ElfFuzzTest): read, audit, plan and apply on mutants of a corpus built
# with gcc (GNU ld, gold, lld) and clang's cross targets; any untyped exception, hang or out-of-memory fails it,
# and readelf checks the patched files. Prints the counts per outcome. Not part of `./mvnw verify`.
#
# usage: bench/elf-fuzz.sh [mutants, default 100000] [seed, default: random] [readelf every Nth patch, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."

mutants=${1:-100000}
seed=${2:-$(( (RANDOM << 16) | RANDOM ))}
every=${3:-10}
echo "seed $seed (rerun a failure with: bench/elf-fuzz.sh $mutants $seed $every)"
./mvnw -B -q test -Dtest=ElfFuzzTest -Drustwheel.fuzz.mutants="$mutants" -Drustwheel.fuzz.seed="$seed" \
    -Drustwheel.fuzz.readelfEvery="$every" -DargLine=-Xmx256m 2>&1 | grep -E 'ElfFuzzTest:|threw|FAIL|ERROR\]'
