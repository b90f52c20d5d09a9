// (5) Two modules over one cargo workspace, built with -T 2 ten times: each time each wheel holds its own module
// with the bytes cargo built, cargo's outputs are back and clean, each manifest lists only its module's artifact,
// and the modules took turns on the target directory's lock.
def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))
def mvn = evaluate(new File(itDir, '_shared/maven.groovy'))
def audit = evaluate(new File(itDir, '_shared/audit.groovy'))

File target = h.file('target')
Closure check = { int build ->
    ['alpha', 'beta'].each { String module ->
        File moduleDir = h.file(module)
        File so = new File(target, "release/lib${module}.so")
        assert so.isFile(): "build ${build}: cargo's ${so} is missing"
        assert h.sha256(so) == h.sha256(new File(target, "release/deps/lib${module}.so")): "build ${build}: ${so} is not cargo's bytes"
        File wheel = h.singleWheel("${module}-0.1.0-${audit.fileTag(so)}.whl", moduleDir)
        Map entries = h.checkWheel(wheel, module, '0.1.0', module, audit.wheelTags(so))
        byte[] ext = entries["${module}/${module}${h.EXT_SUFFIX}" as String]
        assert h.sha256(ext) == h.sha256(so): "build ${build}: ${module}'s wheel does not hold cargo's lib${module}.so"
        Map m = h.manifest(new File(moduleDir, 'target/rustwheel/manifest.json'))
        assert m.artifacts*.name == [module]: "build ${build}: ${module}'s manifest lists ${m.artifacts*.name}"
        Map a = m.artifacts[0]
        assert new File(a.cargoPath as String).canonicalFile == so.canonicalFile
        assert a.state == 'RESTORED': "build ${build}: ${module} is ${a.state}"
        assert new File(m.crate.targetDirectory as String).canonicalFile == target.canonicalFile: "targetDirectory ${m.crate.targetDirectory}"
        File staging = new File(moduleDir, 'target/rustwheel/staging')
        List<File> left = []
        if (staging.isDirectory()) staging.eachFileRecurse { if (it.isFile()) left << it }
        assert left.isEmpty(): "build ${build}: ${module} left ${left} staged"
    }
    assert new File(target, '.rustwheel-lock').isFile(): 'the modules did not lock the shared target directory'
}

String first = h.invocationLogs()[0]
assert first.contains('BUILD SUCCESS')
assert first.contains('Using the MultiThreadedBuilder') || first.contains('-T 2') || first.contains('threads'): 'the first build did not run in parallel'
check(1)
File alphaSo = new File(target, 'release/libalpha.so')
h.assertImports(h.singleWheel("alpha-0.1.0-${audit.fileTag(alphaSo)}.whl", h.file('alpha')), 'alpha', ['m.add(1, 2)': '3'])
(2..10).each { int build ->
    mvn.succeed(['-T', '2', 'package'], mvn.log("parallel-${build}"))
    check(build)
}
return true
