def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

h.rawFfiCrate(basedir, 'cargo_missing')
h.prebuild(basedir, 'cargo_missing')   // a developer's earlier `cargo build`
return true
