// (3) stagingDirectory on another file system: stage copies (MIRRORED) and leaves cargo's file where it is,
// finalize deletes the copy, the wheel is the same. (4) stagingDirectory on a full 64k tmpfs: the build fails
// saying so and naming stagingDirectory, cargo's output stays as it was, nothing half-written is left.
// Where this machine offers no second file system (no separate /dev/shm, not root), each part says why it skips.
import java.nio.file.Files
import java.nio.file.attribute.BasicFileAttributes

def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))
def mvn = evaluate(new File(itDir, '_shared/maven.groovy'))
def audit = evaluate(new File(itDir, '_shared/audit.groovy'))
def st = evaluate(new File(itDir, '_shared/staging.groovy'))

String module = 'device_demo'
File wheel = h.singleWheel("device_demo-0.1.0-${audit.fileTag(h.cdylib(basedir, module))}.whl")
byte[] renamedWheel = wheel.bytes
File so = h.cdylib(basedir, module)
String clean = h.sha256(so)
Closure<Object> inode = { File f -> Files.readAttributes(f.toPath(), BasicFileAttributes).fileKey() }
Closure<List<File>> filesUnder = { File dir -> List<File> found = []; dir.eachFileRecurse { if (it.isFile()) found << it }; found }

// ---- (3) across file systems, through verify so that finalize (not package) gives cargo its output back
File other = st.otherFileSystem(basedir, 'cross-device', '64m')
if (other != null) {
    try {
        Object before = inode(so)
        File log = mvn.log('cross-device')
        mvn.succeed(['verify', "-Drustwheel.stagingDirectory=${other}/staging" as String], log)
        assert log.text.contains("as ${other}/staging/cdylib/lib${module}.so (mirrored)"): "stage did not copy across file systems, see ${log}"
        assert inode(so) == before: "cargo's ${so} was replaced: across file systems its original must stay"
        assert wheel.bytes == renamedWheel: 'the wheel staged across file systems differs from the one staged by rename'
        assert filesUnder(other).isEmpty(): "finalize left files on the other file system: ${filesUnder(other)}"
        Map a = h.artifact(h.manifest(), 'cdylib', module)
        assert a.state == 'RESTORED' && a.fresh == true: "after the build the artifact is ${a}"
        assert a.stagedPath.startsWith("${other}/staging/"): "stagedPath ${a.stagedPath}"
        h.assertCdylibClean(basedir, module)
        assert h.sha256(so) == clean
    } finally {
        if (other.path.startsWith('/dev/shm/')) other.deleteDir() else st.unmount(other)
    }
}

// ---- (4) onto a full file system
File full = st.mountTmpfs(basedir, 'full-disk', '64k')
if (full != null) {
    try {
        assert so.length() > 64 * 1024: "${so} (${so.length()} bytes) would fit on the 64k tmpfs"
        Object before = inode(so)
        File log = mvn.log('full-disk')
        int exit = mvn.run(['package', "-Drustwheel.stagingDirectory=${full}/staging" as String], log)
        String text = log.text
        assert exit != 0 && text.contains('BUILD FAILURE'): "staging onto a full file system succeeded, see ${log}"
        ['No space left on device', "Cannot stage ${so}", 'set the parameter stagingDirectory to a directory',
         "cargo's output was left where it is"].each { assert text.contains(it): "the failure does not say \"${it}\", see ${log}" }
        assert !text.contains('NullPointerException')
        assert so.isFile() && inode(so) == before && h.sha256(so) == clean: "the failed build disturbed cargo's ${so}"
        assert filesUnder(full).isEmpty(): "a half-written copy was left: ${filesUnder(full)}"
        Map a = h.artifact(h.manifest(), 'cdylib', module)
        assert a.state == 'RESTORED': "after the failed stage the artifact is ${a.state}"
    } finally {
        st.unmount(full)
    }
    // and the next ordinary build is as good as the first
    mvn.succeed(['package'], mvn.log('after-full-disk'))
    assert wheel.bytes == renamedWheel
    assert h.artifact(h.manifest(), 'cdylib', module).fresh == true: 'cargo recompiled after the failed build'
}
return true
