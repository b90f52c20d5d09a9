def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

h.assertFailedWith('Cannot run cargo', 'cargoExecutable')
h.assertPrebuiltIntact(basedir, 'cargo_missing')
return true
