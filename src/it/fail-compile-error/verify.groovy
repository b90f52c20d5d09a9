def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

h.assertFailedWith('error[E0308]: mismatched types', 'cargo build failed')
h.assertLogContains(h.buildLog(), 'src/lib.rs')
// cargo keeps the last good output when a build fails; so must the plugin
h.assertPrebuiltIntact(basedir, 'broken_demo')
return true
