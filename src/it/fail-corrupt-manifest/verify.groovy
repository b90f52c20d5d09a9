def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

h.assertFailedWith('Cannot read the staging manifest', 'target/rustwheel/manifest.json')
File dummy = h.file('target/rustwheel/staging/only-copy.so')
assert dummy.isFile(): "the plugin deleted ${dummy} from the staging directory"
assert h.sha256(dummy) == h.file('target/it-staging.sha256').text.trim(): "the plugin changed ${dummy}"
h.assertPrebuiltIntact(basedir, 'corrupt_demo')
return true
