#!/usr/bin/env bash
# The whole maturin conformance corpus (src/it/maturin-conformance, profile "corpus"): every ported test crate of
# maturin built by rustwheel in one reactor over one cargo target directory, then compared with maturin 1.15 (built
# here when pip can install it, else the results kept under expected/) and installed and checked. Prints the table
# crate → outcome. The IT maturin-conformance runs a representative subset; this runs all. Not part of `./mvnw verify`.
#
# usage: bench/maturin-conformance.sh [--record]   (--record rewrites expected/ from a live maturin)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
record=${1:-}

./mvnw -B -q verify -DskipTests -Dinvoker.test=fail-no-cargo-toml # puts the plugin into target/local-repo
work=$(mktemp -d "${TMPDIR:-/tmp}/rustwheel-corpus.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r src/it/maturin-conformance/. "$work"
version=$(./mvnw -B -q help:evaluate -Dexpression=project.version -DforceStdout)
find "$work" -name pom.xml -exec sed -i "s/@project.groupId@/dev.rustwheel/; s/@project.artifactId@/rustwheel-maven-plugin/;
    s/@project.version@/$version/" {} +
sed "s#@localRepositoryUrl@#file://$HOME/.m2/repository#g" src/it/settings.xml > "$work/settings.xml"

start=$(date +%s)
(cd "$work" && "$repo/mvnw" -B -fae -Pcorpus -s settings.xml -Dmaven.repo.local="$repo/target/local-repo" package \
    > build.log 2>&1) || true
echo "rustwheel built the corpus in $(( $(date +%s) - start )) s"

crates=$(sed -n 's#.*<module>crates/\([^/<]*\).*#\1#p' "$work/pom.xml")
maturin=()
if python3 -m venv "$work/venv" && "$work/venv/bin/pip" install -q --disable-pip-version-check maturin==1.15.0; then
    maturin=(--maturin "$work/venv/bin/maturin")
else
    echo "maturin 1.15.0 cannot be installed here: comparing with the results kept under expected/"
fi
if [ "$record" = --record ]; then
    maturin+=(--record)
fi
status=0
python3 "$work/compare.py" "$work" "$work/build.log" "${maturin[@]}" $crates || status=$?
if [ "$record" = --record ]; then
    rm -rf src/it/maturin-conformance/expected && cp -r "$work/expected" src/it/maturin-conformance/expected
fi
exit $status
