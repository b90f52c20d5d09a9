import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))

File nativeDir = new File(basedir, 'native')
File cafe = new File(nativeDir, 'café')
cafe.mkdirs()
new File(nativeDir, 'dep.c').text = 'int dep(void) { return 1; }\n'
new File(nativeDir, 'top.c').text = 'int dep(void);\nint top(void) { return dep(); }\n'
new File(nativeDir, 'versioned.c').text = '''#include <string.h>
#include <sys/random.h>
void copy(void *to, const void *from, size_t n) { memcpy(to, from, n); }
long fill(void *to, size_t n) { return getrandom(to, n, 0); }
'''
h.run(['gcc', '-shared', '-fPIC', '-o', new File(cafe, 'libdep.so').path, 'dep.c', '-Wl,-soname,libdep.so'], nativeDir)
h.run(['gcc', '-shared', '-fPIC', '-o', 'libcafe.so', 'top.c', "-L${cafe.path}" as String, '-ldep',
       '-Wl,--enable-new-dtags', "-Wl,-rpath,${cafe.path}" as String], nativeDir)
h.run(['gcc', '-shared', '-fPIC', '-o', 'libversioned.so', 'versioned.c'], nativeDir)
// the bomb is written by the unit tests' own generator, so both test the same file
String java = new File(System.getProperty('java.home'), 'bin/java').path
File testClasses = new File(basedir, '../../test-classes').canonicalFile
h.run([java, '-cp', testClasses.path, 'dev.rustwheel.binary.elf.VersionNeedBomb', 'libversioned.so', 'libbomb.so',
       '64', '65535'], nativeDir)

def wheel = { String name, String entry, File library ->
    new ZipOutputStream(new FileOutputStream(new File(basedir, name))).withCloseable { zip ->
        zip.putNextEntry(new ZipEntry(entry))
        zip.write(library.bytes)
        zip.closeEntry()
    }
}
wheel('cafe.whl', 'cafe/libcafe.so', new File(nativeDir, 'libcafe.so'))
wheel('bomb.whl', 'bomb/libbomb.so', new File(nativeDir, 'libbomb.so'))
return true
