// The differential check: compare.py (beside this script) compares each module's wheel with the result maturin
// 1.15.0 gave for the same crate (kept under expected/, recorded by bench/maturin-conformance.sh --record), checks
// RECORD, installs the wheel into a fresh venv and runs the crate's own check. The bench script compares the whole
// corpus with a live maturin where pip can install it; the IT keeps to the kept results, to stay deterministic and
// within its time.
def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

List<String> crates = ['pyo3-pure', 'pyo3-mixed-src', 'pyo3-mixed-include-exclude', 'pyo3-no-extension-module',
                       'external-python-source', 'with-data', 'cffi-mixed']
List<String> command = ['python3', new File(basedir, 'compare.py').path, basedir.path,
                        new File(basedir, 'build.log').path]
def (int code, String table, String problems) = h.exec(command + crates, basedir, [:], 900)
println table
println problems
assert code == 0: "the corpus differs from maturin where it should not:\n${table}\n${problems}"
return true
