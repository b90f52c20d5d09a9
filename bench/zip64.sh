#!/usr/bin/env bash
# Zip64 for real: writes a wheel holding an entry just over 4 GiB (generated, highly compressible text) with the
# plugin's writer, then checks it with independent clients: Python's zipfile reads every entry back (CRC-32 and
# RECORD's SHA-256 and size), and pip installs it into a fresh venv (skipped with -n: it writes 4 GiB to disk).
# With -s the entry is stored, not deflated: the wheel itself passes 4 GiB, so the entries after it and the central
# directory lie past 4 GiB (zip64 offsets and end records). Minutes of CPU, so not part of `./mvnw verify`.
#
# usage: bench/zip64.sh [-n] [-s] [size in MiB, default 4200]
set -euo pipefail
cd "$(dirname "$0")/.."
pip=yes
compression=deflated
if [ "${1:-}" = "-n" ]; then pip=no; shift; fi
if [ "${1:-}" = "-s" ]; then compression=stored; shift; fi
size_mib=${1:-4200}
work=$(mktemp -d "${TMPDIR:-/tmp}/rustwheel-zip64.XXXXXX")
trap 'rm -rf "$work"' EXIT

./mvnw -B -q -o test-compile
cp=target/classes:target/test-classes:$(./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
wheel=$work/big-1.0-py3-none-any.whl
java -cp "$cp" dev.rustwheel.wheel.zip.Zip64Check "$wheel" "$size_mib" "$compression"
echo "wheel: $(stat -c %s "$wheel") bytes"

python3 - "$wheel" "$size_mib" <<'PY'
import base64, csv, hashlib, io, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
info = z.getinfo('big/huge.bin')
assert info.file_size == int(sys.argv[2]) << 20 and info.file_size > 0xFFFFFFFF, info
rows = list(csv.reader(io.StringIO(z.read('big-1.0.dist-info/RECORD').decode())))
for path, digest, size in rows[:-1]:
    sha, n = hashlib.sha256(), 0
    with z.open(path) as f:  # zipfile checks the CRC-32 at the end of each entry
        for block in iter(lambda: f.read(1 << 20), b''):
            sha.update(block)
            n += len(block)
    expected = 'sha256=' + base64.urlsafe_b64encode(sha.digest()).rstrip(b'=').decode()
    assert digest == expected and int(size) == n, (path, digest, expected, size, n)
last = max(z.infolist(), key=lambda i: i.header_offset)
print('zipfile: every entry reads back with its CRC-32, RECORD digest and size;', info.file_size, 'bytes in huge.bin;',
      'last local header at', last.header_offset, '(' + last.filename + ')')
PY

if [ "$pip" = yes ]; then
    python3 -m venv "$work/venv"
    "$work/venv/bin/pip" install -q --no-index --no-deps "$wheel"
    installed=$("$work/venv/bin/python" -c "import big, pathlib; print((pathlib.Path(big.__file__).parent / 'huge.bin').stat().st_size)")
    [ "$installed" = "$((size_mib << 20))" ] || { echo "pip installed $installed bytes"; exit 1; }
    echo "pip: installed, huge.bin is $installed bytes"
fi
