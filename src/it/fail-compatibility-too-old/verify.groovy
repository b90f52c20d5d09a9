def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))
def audit = evaluate(new File(itDir, '_shared/audit.groovy'))

String module = 'too_old_demo'
File so = h.cdylib(basedir, module)
h.assertFailedWith('compatibility manylinux1 cannot be met', 'symbol versions newer than manylinux_2_5 allows',
        '(parameter compatibility (property rustwheel.compatibility, set in the plugin\'s configuration in the POM')

// every libc version readelf lists beyond glibc 2.5 is named, with the file that needs it
String log = h.buildLog()
List<String> tooNew = audit.requiredVersions(so).findAll { audit.glibcMinor(it) > 5 }
assert !tooNew.isEmpty(): "the crate needs nothing newer than glibc 2.5 (${audit.requiredVersions(so)}): pick another request"
tooNew.each { assert log.contains("${it} (libc.so.6: "): "the failure does not name ${it}" }
assert log =~ /needed by \S*\/target\/rustwheel\/staging\/\S*lib${module}\.so/: "the failure does not name the staged file"

// the refused build gave cargo its output back, unmodified
h.assertCdylibClean(basedir, module)
return true
