def itDir = binding.hasVariable('itSourceDir') ? new File(itSourceDir as String) : new File(basedir, '../../../src/it').canonicalFile
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

h.rawFfiCrate(basedir, 'probe_fail')
h.prebuild(basedir, 'probe_fail')
return true
