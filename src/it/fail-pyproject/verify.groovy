def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

List<String> logs = h.invocationLogs()
List<List<String>> expected = [
        ["bad-requirement.toml: [project] dependencies holds an invalid dependency", 'python_versio', 'column'],
        ["bad-version.toml: [project] version = \"1.0-final\" is not a valid PEP 440 version"],
        // outside the project is allowed, as in maturin (a monorepo's ../python); missing is not
        ["parameter pythonSource (property rustwheel.pythonSource, set by -Drustwheel.pythonSource on the command line)"
                 + " = '../outside' names", 'which does not exist'],
        ["parameter include (property rustwheel.include, set by -Drustwheel.include on the command line)",
         "is a symbolic link to", 'outside the project directory', 'Copy the file into the project'],
        // cffi bindings whose interpreter lacks cffi: refused before cargo, naming the interpreter and the fix
        ["parameter bindings = 'cffi', and the interpreter nocffi/bin/python generates their ffi.py with the cffi"
         + " package, which it lacks", "nocffi/bin/python -m pip install cffi"],
        ["Cannot read", "bad-syntax.toml", "Fix the TOML syntax"],
        ["bad-name.toml: [project] name"],
]
assert logs.size() == expected.size(): "expected ${expected.size()} Maven runs, found ${logs.size()}"
logs.eachWithIndex { String log, int i ->
    assert log.contains('BUILD FAILURE'): "run ${i + 1} did not fail"
    expected[i].each { assert log.contains(it): "run ${i + 1} lacks \"${it}\"" }
    assert !log.contains('NullPointerException')
    assert !(log =~ /Running .*\bcargo build\b/): "run ${i + 1} ran cargo build"
    def time = log =~ /Total time:\s+([0-9.]+) s\b/
    assert time.find(): "run ${i + 1} reports no total time in seconds"
    assert (time.group(1) as double) < 10: "run ${i + 1} took ${time.group(1)} s to refuse a bad input"
}
// each input was refused before cargo built anything
['target/debug', 'target/release', 'target/wheels'].each {
    assert !new File(basedir, it).exists(): "a refused build created ${it}"
}
return true
