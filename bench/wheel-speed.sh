#!/usr/bin/env bash
# Builds a PyO3 crate whose cdylib is about 1 GiB and prints, from one run, rustwheel's times and sizes against
# maturin's (when `maturin` is on PATH) and `zip -6`, as ratios:
#   - writing the wheel, cold (the package goal alone, cargo warm) vs maturin's whole warm build;
#   - a rebuild with nothing changed (every rustwheel goal up to verify, tests skipped) vs maturin's whole warm
#     build, with each goal's share;
#   - stage + repair + finalize vs one `cp` of the artifact, for the cold wheel (repair audits: its kept verdict is
#     deleted too) and for the rebuild (repair reuses the verdict);
#   - the cold build ran with MAVEN_OPTS=-Xmx128m, so finishing at all shows the heap bound.
# Each figure comes with the 1-minute load average at its end and, for whole commands, the CPU seconds (user + sys)
# they used: on a shared machine the CPU seconds say more than the wall time.
# The library's bulk is the machine's own shared libraries concatenated (code-like data, deflate ratio ≈ 0.4),
# pulled into .rodata by .incbin. Needs gcc, cargo, Debian's librust-pyo3-dev, python3; not part of `./mvnw verify`.
# Other work on the machine skews every figure: each is printed with the load average at the time it was taken.
#
# usage: bench/wheel-speed.sh [size in MiB, default 1024]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-1024}
work=$(mktemp -d "${TMPDIR:-/tmp}/rustwheel-wheel-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

. bench/lib.sh
install_plugin

crate=$work/crate
mkdir -p "$crate/src" "$crate/.cargo"
cp src/it/pyo3-wheel/.cargo/config.toml "$crate/.cargo/"
library_bytes "$size_mib" "$work/blob.bin"
cat > "$crate/Cargo.toml" <<TOML
[package]
name = "bigmod"
version = "1.0.0"
edition = "2021"
publish = false

[lib]
crate-type = ["cdylib"]

[dependencies]
pyo3 = { version = "0.17.3", features = ["extension-module"] }
TOML
cat > "$crate/build.rs" <<RUST
use std::{env, process::Command};
fn main() {
    let out = env::var("OUT_DIR").unwrap();
    let s = format!("{out}/big.s");
    std::fs::write(&s, ".section .rodata\n.globl big_array\nbig_array:\n.incbin \"$work/blob.bin\"\n.section .note.GNU-stack,\"\",@progbits\n").unwrap();
    assert!(Command::new("gcc").args(["-c", &s, "-o", &format!("{out}/big.o")]).status().unwrap().success());
    assert!(Command::new("ar").args(["crs", &format!("{out}/libbig.a"), &format!("{out}/big.o")]).status().unwrap().success());
    println!("cargo:rustc-link-search=native={out}");
    println!("cargo:rustc-link-lib=static=big");
}
RUST
cat > "$crate/src/lib.rs" <<'RUST'
use pyo3::prelude::*;

extern "C" {
    static big_array: [u8; 16];
}

/// The first byte of the big array: referencing it keeps the array in the library.
#[pyfunction]
fn first_byte() -> u8 {
    unsafe { core::ptr::read_volatile(&big_array[0]) }
}

#[pymodule]
fn bigmod(_py: Python<'_>, m: &PyModule) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(first_byte, m)?)?;
    Ok(())
}
RUST
cat > "$crate/pyproject.toml" <<TOML
[build-system]
requires = ["maturin>=1.0,<2.0"]
build-backend = "maturin"

[project]
name = "bigmod"
version = "1.0.0"
TOML
cat > "$crate/pom.xml" <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>bigmod</artifactId>
  <version>1.0.0</version>
  <packaging>wheel</packaging>
  <build><plugins><plugin>
    <groupId>dev.rustwheel</groupId>
    <artifactId>rustwheel-maven-plugin</artifactId>
    <version>$version</version>
    <extensions>true</extensions>
  </plugin></plugins></build>
</project>
XML

echo "building the crate once (cold cargo; not measured)"
seconds "${timed_mvn[@]}" verify -DskipTests > /dev/null
lib=$(ls "$crate"/target/release/libbigmod.so)
echo "cdylib: $(stat -c %s "$lib") bytes; machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"

echo "rustwheel, wheel and repair verdict deleted (cold wheel, warm cargo), MAVEN_OPTS=-Xmx128m"
rm -rf "$crate/target/wheels" "$crate/target/rustwheel/cache/repair.json"
total_cold=$(MAVEN_OPTS=-Xmx128m seconds "${timed_mvn[@]}" verify -DskipTests); load_cold=$(load) cpu_cold=$(cat "$work/cpu")
cp "$work/out" "$work/cold.log"
package_cold=$(goal_seconds "$work/cold.log" package)
staging_cold=$(goal_seconds "$work/cold.log" stage repair finalize)
wheel=$(ls "$crate"/target/wheels/*.whl)
python3 -c "import sys, zipfile; assert zipfile.ZipFile(sys.argv[1]).testzip() is None" "$wheel"

echo "rustwheel, nothing changed"
total_again=$(seconds "${timed_mvn[@]}" verify -DskipTests); load_again=$(load)
cp "$work/out" "$work/again.log"
grep -q 'is up to date' "$work/again.log" || echo "  warning: the wheel was written again"
goals_again=$(goal_seconds "$work/again.log" "${all_goals[@]}")
staging_again=$(goal_seconds "$work/again.log" stage repair finalize)

cat "$lib" > /dev/null
cp_seconds=$(seconds cp --reflink=never "$lib" "$work/copy.so"); load_cp=$(load); rm -f "$work/copy.so"
zip_seconds=$(seconds zip -6 -q -j "$work/zip6.zip" "$lib"); load_zip=$(load)

if command -v maturin > /dev/null; then
    echo "maturin $(maturin --version | awk '{ print $2 }'): one build to warm cargo for it, then the measured one"
    seconds maturin build --release -o "$work/maturin-wheels" > /dev/null
    rm -rf "$work/maturin-wheels"
    maturin_seconds=$(seconds maturin build --release -o "$work/maturin-wheels"); load_maturin=$(load) cpu_maturin=$(cat "$work/cpu")
    maturin_wheel=$(ls "$work"/maturin-wheels/*.whl)
else
    echo "maturin is not on PATH: its ratios are skipped (python3 -m venv v && v/bin/pip install maturin==1.15.0)"
fi

printf '\n%-58s %10s\n' "measure" "value"
printf '%-58s %9.2fs  %s\n' "rustwheel package goal, cold wheel (-Xmx128m)" "$package_cold" "$load_cold"
printf '%-58s %9.2fs  %s\n' "rustwheel whole mvn verify, cold wheel" "$total_cold" "$load_cold"
printf '%-58s %9.2fs\n' "  its CPU time (user + sys, every goal and Maven itself)" "$cpu_cold"
printf '%-58s %9.3fs  %s\n' "stage + repair + finalize, cold wheel" "$staging_cold" "$load_cold"
for goal in stage repair finalize; do
    printf '%-58s %9.3fs\n' "  of which $goal" "$(goal_seconds "$work/cold.log" "$goal")"
done
printf '%-58s %9.3fs  %s\n' "rustwheel goals, nothing changed" "$goals_again" "$load_again"
printf '%-58s %9.2fs  %s\n' "rustwheel whole mvn verify, nothing changed" "$total_again" "$load_again"
for goal in "${all_goals[@]}"; do
    printf '%-58s %9.3fs\n' "  of which $goal" "$(goal_seconds "$work/again.log" "$goal")"
done
printf '%-58s %9.3fs  %s\n' "stage + repair + finalize, nothing changed" "$staging_again" "$load_again"
printf '%-58s %9.2fs  %s\n' "cp of the cdylib" "$cp_seconds" "$load_cp"
printf '%-58s %9.2fs  %s\n' "zip -6 of the cdylib" "$zip_seconds" "$load_zip"
printf '%-58s %10d\n' "rustwheel wheel bytes" "$(stat -c %s "$wheel")"
printf '%-58s %10d\n' "zip -6 bytes" "$(stat -c %s "$work/zip6.zip")"
echo
echo "zip -6 time / rustwheel package goal: $(ratio "$zip_seconds" "$package_cold")x faster"
echo "(stage + repair + finalize) / cp: cold wheel $(ratio "$staging_cold" "$cp_seconds"), nothing changed $(ratio "$staging_again" "$cp_seconds") (goal <= 0.05)"
if [ -n "${maturin_seconds:-}" ]; then
    printf '%-58s %9.2fs  %s\n' "maturin build, warm cargo" "$maturin_seconds" "$load_maturin"
    printf '%-58s %9.2fs\n' "  its CPU time (user + sys)" "$cpu_maturin"
    printf '%-58s %10d\n' "maturin wheel bytes" "$(stat -c %s "$maturin_wheel")"
    echo "maturin warm build / rustwheel package goal (cold wheel): $(ratio "$maturin_seconds" "$package_cold")x (goal >= 1.8)"
    echo "maturin warm build / rustwheel goals, nothing changed: $(ratio "$maturin_seconds" "$goals_again")x (goal >= 20)"
    echo "rustwheel wheel / maturin wheel size: $(ratio "$(stat -c %s "$wheel")" "$(stat -c %s "$maturin_wheel")") (goal <= 1)"
fi
