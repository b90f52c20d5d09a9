// The differential check: compare.py (beside this script) compares each module's wheel with maturin's. maturin is
// installed from pip's index where it can be (the local mirror offers 1.15.0); where it cannot, the result maturin
// 1.15 gave (kept under expected/) stands in, and the log says so.
def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

List<String> crates = ['pyo3-pure', 'pyo3-mixed-src', 'pyo3-mixed-include-exclude', 'pyo3-bin',
                       'pyo3-no-extension-module', 'external-python-source', 'with-data']
List<String> command = ['python3', new File(basedir, 'compare.py').path, basedir.path,
                        new File(basedir, 'build.log').path]
File venv = new File(basedir, 'target/maturin-venv')
def (int made) = h.exec(['python3', '-m', 'venv', venv.path], basedir)
def (int installed, String out, String err) = made == 0 ? h.exec([new File(venv, 'bin/pip').path, 'install', '-q',
        '--disable-pip-version-check', 'maturin==1.15.0'], basedir, [:], 300) : [1, '', 'no venv']
if (installed == 0) {
    command += ['--maturin', new File(venv, 'bin/maturin').path]
} else {
    println "maturin 1.15.0 cannot be installed here (${err.readLines().findAll().last()}): comparing with the" +
            " results maturin 1.15 gave, kept under expected/"
}
def (int code, String table, String problems) = h.exec(command + crates, basedir, [:], 1800)
println table
println problems
assert code == 0: "the corpus differs from maturin where it should not:\n${table}\n${problems}"
return true
