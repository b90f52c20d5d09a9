def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

String log = h.buildLog()
h.assertLogContains(log, 'BUILD SUCCESS', 'Skipping rustwheel:compile because skip = true',
        'Skipping rustwheel:package because skip = true')
assert !(log =~ /Running .*\bcargo\b/): 'a skipped build ran cargo'
['target/release', 'target/wheels', 'target/rustwheel'].each {
    assert !new File(basedir, it).exists(): "a skipped build created ${it}"
}
// install carried the POM alone
File installed = new File(localRepositoryPath as String, 'dev/rustwheel/it/skip-install/1.0-SNAPSHOT')
assert new File(installed, 'skip-install-1.0-SNAPSHOT.pom').isFile(): "install did not carry the POM into ${installed}"
assert !(installed.listFiles() ?: []).any { it.name.endsWith('.whl') }: "a skipped build installed a wheel"
return true
