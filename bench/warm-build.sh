#!/usr/bin/env bash
# Warm builds of a small PyO3 crate (the pyo3-wheel IT's), cargo building into a directory outside target/ as the
# README recommends for monorepos. Prints, from one run, medians of several builds with the load average:
#   - the plugin's own goals in a warm `mvn verify` (nothing changed) vs maturin's whole warm build
#     (`maturin build --release`), goal <= 0.3;
#   - a whole `mvn verify` after deleting target/ (what `mvn clean` does; the clean plugin need not be in the local
#     repository offline) vs a whole warm `mvn verify`, goal <= 1.5;
#   - the first ratio again with the two JVM options the README suggests for .mvn/jvm.config;
#   - the floor under the first ratio: the same seven goals of bench/warm-floor, a plugin doing only what any plugin
#     keeping a manifest between goals must (Maven running each goal, a manifest read per goal and a write before
#     each move, the same `cargo build`), on the same crate and cargo target directory.
# Needs cargo, Debian's librust-pyo3-dev, python3, and maturin on PATH for its ratio; not part of `./mvnw verify`.
#
# usage: bench/warm-build.sh [builds per figure, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/rustwheel-warm-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

. bench/lib.sh
install_plugin

crate=$work/crate
mkdir -p "$crate"
cp -r src/it/pyo3-wheel/.cargo src/it/pyo3-wheel/src src/it/pyo3-wheel/Cargo.toml src/it/pyo3-wheel/Cargo.lock "$crate/"
cat > "$crate/pom.xml" <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>pyo3-demo</artifactId>
  <version>0.3.0</version>
  <packaging>wheel</packaging>
  <build><plugins><plugin>
    <groupId>dev.rustwheel</groupId>
    <artifactId>rustwheel-maven-plugin</artifactId>
    <version>$version</version>
    <extensions>true</extensions>
    <configuration>
      <cargoTargetDirectory>$work/cargo-target</cargoTargetDirectory>
    </configuration>
  </plugin></plugins></build>
</project>
XML

echo "building the crate once (cold cargo; not measured); machine: $(nproc) cores, $(load)"
seconds "${timed_mvn[@]}" verify -DskipTests > /dev/null

: > "$work/goals"; : > "$work/warm"; : > "$work/clean"; : > "$work/maturin"
for i in $(seq "$runs"); do
    seconds "${timed_mvn[@]}" verify -DskipTests >> "$work/warm"
    grep -q 'is up to date' "$work/out" || echo "  warning: the wheel was written again"
    grep -q 'Compiling' "$work/out" && echo "  warning: cargo compiled something in a warm build"
    goal_seconds "$work/out" "${all_goals[@]}" >> "$work/goals"; echo >> "$work/goals"
    cp "$work/out" "$work/warm.log"
    rm -rf "$crate/target"
    seconds "${timed_mvn[@]}" verify -DskipTests >> "$work/clean"
    grep -q 'Compiling' "$work/out" && echo "  warning: cargo compiled something after target/ was deleted"
done
load_rustwheel=$(load)

./mvnw "${mvn_args[@]}" -q -f bench/warm-floor/pom.xml install > "$work/install-floor.log" \
    || { tail -30 "$work/install-floor.log"; exit 1; }
sed "s:<packaging>wheel</packaging>:<packaging>warm-floor</packaging>:; s:dev.rustwheel</groupId>:dev.rustwheel.bench</groupId>:
     s:rustwheel-maven-plugin</artifactId>:warm-floor-maven-plugin</artifactId>:; s:<version>$version</version>:<version>1</version>:
     s:<configuration>.*::; /<cargoTargetDirectory>/d; s:</configuration>::" "$crate/pom.xml" > "$crate/floor-pom.xml"
# what the floor's cargo build needs to find the crate fresh: rustwheel's environment for it, from its log
floor_args=(-f floor-pom.xml verify -DskipTests -Dfloor.manifest="$crate/target/rustwheel/manifest.json"
            -Dfloor.metadata="$(ls "$crate"/target/rustwheel/cache/cargo-workspace-*.json)"
            -Dfloor.cargoTargetDirectory="$work/cargo-target"
            -Dfloor.python="$(sed -n 's/.*PYO3_PYTHON=\([^ ]*\) cargo build.*/\1/p' "$work/warm.log" | head -1)")
seconds "${timed_mvn[@]}" "${floor_args[@]}" > /dev/null  # its manifest written once
: > "$work/floor"
for i in $(seq "$runs"); do
    seconds "${timed_mvn[@]}" "${floor_args[@]}" > /dev/null
    grep -q 'Compiling' "$work/out" && echo "  warning: cargo compiled something in a warm floor build"
    goal_seconds "$work/out" "${all_goals[@]}" >> "$work/floor"; echo >> "$work/floor"
done
load_floor=$(load)

# the two JVM options the README suggests for .mvn/jvm.config: a class-data-sharing archive of the classes a build
# loads, written once by a warm build, and the C1 compiler only
seconds env MAVEN_OPTS="-XX:ArchiveClassesAtExit=$work/classes.jsa" "${timed_mvn[@]}" verify -DskipTests > /dev/null
: > "$work/tuned"
for i in $(seq "$runs"); do
    seconds env MAVEN_OPTS="-XX:SharedArchiveFile=$work/classes.jsa -XX:TieredStopAtLevel=1" \
        "${timed_mvn[@]}" verify -DskipTests > /dev/null
    grep -q 'is up to date' "$work/out" || echo "  warning: the wheel was written again"
    goal_seconds "$work/out" "${all_goals[@]}" >> "$work/tuned"; echo >> "$work/tuned"
done
load_tuned=$(load)
if command -v maturin > /dev/null; then
    # maturin's own target directory, warmed once
    seconds maturin build --release -o "$work/maturin-wheels" > /dev/null
    for i in $(seq "$runs"); do
        seconds maturin build --release -o "$work/maturin-wheels" >> "$work/maturin"
    done
    load_maturin=$(load)
fi

goals=$(median < "$work/goals"); warm=$(median < "$work/warm"); clean=$(median < "$work/clean")
floor=$(median < "$work/floor"); tuned=$(median < "$work/tuned")
printf '\n%-52s %9s\n' "measure (median of $runs)" "value"
printf '%-52s %8.3fs  %s\n' "rustwheel goals, warm mvn verify" "$goals" "$load_rustwheel"
for goal in "${all_goals[@]}"; do
    printf '%-52s %8.3fs\n' "  of which $goal (last build)" "$(goal_seconds "$work/warm.log" "$goal")"
done
printf '%-52s %8.3fs  %s\n' "  the same, with the JVM options of .mvn/jvm.config" "$tuned" "$load_tuned"
printf '%-52s %8.3fs  %s\n' "floor: warm-floor goals, warm mvn verify" "$floor" "$load_floor"
printf '%-52s %8.2fs  %s\n' "whole warm mvn verify" "$warm" "$load_rustwheel"
printf '%-52s %8.2fs  %s\n' "whole mvn verify, target/ deleted" "$clean" "$load_rustwheel"
echo "mvn verify with target/ deleted / warm mvn verify: $(ratio "$clean" "$warm") (goal <= 1.5)"
if [ -s "$work/maturin" ]; then
    maturin=$(median < "$work/maturin")
    printf '%-52s %8.2fs  %s\n' "maturin build --release, warm" "$maturin" "$load_maturin"
    echo "rustwheel goals / maturin warm build: $(ratio "$goals" "$maturin") (goal <= 0.3)"
    echo "  with the JVM options of .mvn/jvm.config: $(ratio "$tuned" "$maturin")"
    echo "floor goals / maturin warm build: $(ratio "$floor" "$maturin")"
else
    echo "maturin is not on PATH: its ratio is skipped (python3 -m venv v && v/bin/pip install maturin==1.15.0)"
fi
