def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))
def audit = evaluate(new File(itDir, '_shared/audit.groovy'))

String module = 'raw_ffi_demo'
List<String> runs = h.invocationLogs()
assert runs.size() == 2: "expected 2 Maven runs in build.log, found ${runs.size()}"
runs.each { h.assertLogContains(it, 'BUILD SUCCESS') }

// the wheel: name from Cargo.toml (no pyproject.toml), layout, metadata, RECORD
File wheel = h.singleWheel("raw_ffi_demo-0.1.0-${audit.fileTag(h.cdylib(basedir, module))}.whl")
Map entries = h.checkWheel(wheel, 'raw_ffi_demo', '0.1.0', module, audit.wheelTags(h.cdylib(basedir, module)))

// a real client installs and uses it
h.assertImports(wheel, module, ['m.add(2, 40)': '42', 'm.add(-7, 3)': '-4'])

// cargo has its output back, byte for byte what went into the wheel
File so = h.cdylib(basedir, module)
h.assertCdylibClean(basedir, module)
assert h.sha256(so) == h.sha256(entries["${module}/${module}${h.EXT_SUFFIX}" as String] as byte[]):
        "the wheel's extension is not cargo's ${so}"

// the manifest tells the same story: compiled in this build (cargo's fresh=false), restored
h.assertRestoredCdylib(h.manifest(), basedir, module, false)

// the platform tag: the most compatible manylinux policy that allows the highest GLIBC version readelf lists
List<String> platforms = audit.expectedPlatforms(so)
assert h.manifest().audit?.platformTags == platforms: "manifest audit ${h.manifest().audit}, expected ${platforms}"
String highest = audit.highestGlibc(so)
assert (h.manifest().audit.highestVersions.GLIBC as String).startsWith(highest + ' from libc.so.6'):
        "manifest's highest GLIBC ${h.manifest().audit.highestVersions}, readelf says ${highest}"

// show on the built wheel: the same tag, every libc version readelf lists, the highest one with its file
String show = runs[1]
h.assertLogContains(show, "is consistent with the following platform tag: \"${platforms.join('.')}\"",
        "${highest} (libc.so.6: ", "needed by ${wheel.name}!/${module}/${module}${h.EXT_SUFFIX})")

String libcLine = show.readLines().find { it.contains('libc.so.6 with versions ') }
assert libcLine != null: 'show lists no libc.so.6 versions'
assert (libcLine.substring(libcLine.indexOf('with versions ') + 14).split(', ') as Set) == (audit.requiredVersions(so) as Set):
        "show says '${libcLine}', readelf lists ${audit.requiredVersions(so)}"

// and cargo, run by hand, has nothing to do
h.assertCargoFresh(basedir, module)
return true
