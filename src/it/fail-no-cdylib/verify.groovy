def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

h.assertFailedWith('no cdylib or bin artifact')
File rlib = h.file('target/release/librlib_only.rlib')
assert rlib.isFile(): "cargo's ${rlib} is gone: cargo did not run, or the plugin removed its output"
return true
