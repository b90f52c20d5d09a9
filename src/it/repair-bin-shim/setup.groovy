// the C library and the build script that builds and links it are repair-graft's, shared rather than copied
def graftCase = new File(itSourceDir as String, 'repair-graft')
['build.rs', 'native/extdep.c'].each { String path ->
    File target = new File(basedir, path)
    target.parentFile.mkdirs()
    target.text = new File(graftCase, path).text
}
return true
