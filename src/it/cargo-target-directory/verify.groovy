def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

String module = 'shared_target_demo'
List<String> runs = h.invocationLogs()
assert runs.size() == 2: "expected 2 Maven runs in build.log, found ${runs.size()}"
runs.each { h.assertLogContains(it, 'BUILD SUCCESS') }

File cargoTarget = new File(basedir, 'cargo-target')
File library = new File(cargoTarget, "release/lib${module}.so")
h.assertLogContains(runs[0], "cdylib ${module}: ${library} (built)", "CARGO_TARGET_DIR=${cargoTarget}")
// after mvn clean, cargo's own freshness report: nothing compiled again
h.assertLogContains(runs[1], "cdylib ${module}: ${library} (fresh, not rebuilt)")
assert !runs[1].contains("Compiling ${module.replace('_', '-')}"): 'cargo compiled the crate again after mvn clean'
assert library.isFile(): "cargo's output ${library} is not back in place"
assert !new File(basedir, 'target/release').exists(): 'cargo built into target/ although told otherwise'
assert new File(basedir, 'target/rustwheel/manifest.json').isFile(): 'the manifest is not in the module target/'
assert h.manifest().crate.targetDirectory == cargoTarget.canonicalPath:
        "manifest target directory ${h.manifest().crate.targetDirectory}"

File wheel = new File(basedir, 'target/wheels').listFiles().find { it.name.endsWith('.whl') }
assert wheel != null: 'no wheel after mvn clean package'
h.assertImports(wheel, module, ['m.add(2, 40)': '42'])

// cargo itself, run by hand against the same directory, finds nothing to do
Map msg = h.cargoArtifactMessage(basedir, module, [CARGO_TARGET_DIR: cargoTarget.path])
assert msg.fresh == true: "cargo, run by hand, rebuilt ${module}: ${msg}"
return true
