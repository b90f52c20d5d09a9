def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

String commandLine = 'on the command line)'
List<List<String>> expected = [
        ["parameter compatibility (property rustwheel.compatibility, set by -Drustwheel.compatibility $commandLine"
                 + " = 'manylinux_2_99' is not a platform rustwheel knows. Use auto, linux, manylinux_2_5 (manylinux1)"],
        ["parameter auditwheel (property rustwheel.auditwheel, set by -Drustwheel.auditwheel $commandLine = 'fix'"
                 + " is not an auditwheel mode. Use repair, check, warn, skip."],
        ["parameter bindings (property rustwheel.bindings, set by -Drustwheel.bindings $commandLine = 'xyz' is not"
                 + " a binding type. Use pyo3, pyo3-ffi, cffi or bin"],
        ["parameter compression (property rustwheel.compression, set by -Drustwheel.compression $commandLine"
                 + " = 'zstd' is not a compression method. Use deflated or stored."],
        ["parameter compressionLevel (property rustwheel.compressionLevel, set by -Drustwheel.compressionLevel"
                 + " $commandLine = '12' is not a deflate level. Use 0 (fastest) to 9 (smallest)."],
        ["Cannot probe the Python interpreter 'python3-missing-here'", "looked up on PATH and not found",
         "Set parameter pythonExecutable (property rustwheel.pythonExecutable, set by -Drustwheel.pythonExecutable",
         "a PyO3 crate's build script runs it too"],
        ["parameter version (property rustwheel.version, set by -Drustwheel.version $commandLine = '1.2.0-foo' is"
                 + " not a version a wheel can carry: Maven version '1.2.0-foo' has no PEP 440 equivalent",
         "Use a PEP 440 version such as 1.2.0"],
        ["parameter threads (property rustwheel.threads, set by -Drustwheel.threads $commandLine = '0' is not a"
                 + " number of threads. Use 1 or more"],
        ["parameter sbom (property rustwheel.sbom, set by -Drustwheel.sbom $commandLine = 'yes' is neither true"
                 + " nor false. Use true to put a CycloneDX SBOM into the wheel, or false to leave it out."],
]
List<String> logs = h.invocationLogs()
assert logs.size() == expected.size(): "expected ${expected.size()} Maven runs, found ${logs.size()}"
logs.eachWithIndex { String log, int i ->
    assert log.contains('BUILD FAILURE'): "run ${i + 1} did not fail"
    expected[i].each { assert log.contains(it): "run ${i + 1} lacks \"${it}\"" }
    ['No enum constant', 'NullPointerException', 'Compiling fail-parameters'].each {
        assert !log.contains(it): "run ${i + 1} shows \"${it}\""
    }
    String failure = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
    assert failure != null && !failure.contains('dev.rustwheel.'): "run ${i + 1} names a Java class: ${failure}"
    assert !(log =~ /Running .*\bcargo build\b/): "run ${i + 1} ran cargo build"

    def time = log =~ /Total time:\s+([0-9.]+) s\b/
    assert time.find(): "run ${i + 1} reports no total time in seconds"
    assert (time.group(1) as double) < 10: "run ${i + 1} took ${time.group(1)} s to refuse a bad value"
}
// cargo never built anything, nothing was recorded (the caches of cargo metadata and of the probe may exist)
['target/debug', 'target/release', 'target/rustwheel/manifest.json', 'target/rustwheel/staging'].each {
    assert !new File(basedir, it).exists(): "a refused build created ${it}"
}
return true
