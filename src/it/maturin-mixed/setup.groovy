def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

h.rawFfiCrate(basedir, '_native')
// bytecode beside the sources, as an earlier import leaves it: it must never reach the wheel
File cache = new File(basedir, 'python/mixpkg/__pycache__')
cache.mkdirs()
new File(cache, 'cli.cpython-3x.pyc').bytes = [0x6f, 0x0d, 0x0d, 0x0a] as byte[]
new File(basedir, 'python/mixpkg/stale.pyc').bytes = [0x6f, 0x0d, 0x0d, 0x0a] as byte[]
return true
