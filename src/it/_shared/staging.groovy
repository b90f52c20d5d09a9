// Checks shared by the staging ITs: that nothing cargo built is ever lost, and how to find a second file system.
//
//   def st = evaluate(new File(itDir, '_shared/staging.groovy'))

import groovy.json.JsonSlurper

class StagingChecks {
    File basedir
    def h

    /**
     * The manifest, if any, parses; and the clean bytes (digest {@code sha}) are somewhere: at cargo's path, or at
     * the staged path the manifest records. Returns where they were found.
     */
    String assertNothingLost(File so, String sha, String when) {
        File manifestFile = new File(basedir, 'target/rustwheel/manifest.json')
        List<String> staged = []
        if (manifestFile.exists()) {
            Map m
            try {
                m = new JsonSlurper().parse(manifestFile) as Map
            } catch (Exception e) {
                throw new AssertionError("${when}: the manifest does not parse: ${e.message}\n${manifestFile.text}")
            }
            assert m.schemaVersion == 3: "${when}: manifest schemaVersion ${m.schemaVersion}"
            staged = m.artifacts*.stagedPath as List<String>
        }
        if (so.isFile() && h.sha256(so) == sha) return 'cargo'
        for (String path : staged) {
            File f = new File(path)
            if (f.isFile() && h.sha256(f) == sha) return 'staged'
        }
        throw new AssertionError("${when}: cargo's output is lost: ${so} is ${so.isFile() ? 'changed' : 'missing'}"
                + " and no staged path of the manifest (${staged}) holds it")
    }

    /** A directory on another file system than basedir: /dev/shm when it is one, else a tmpfs mounted here (root only). */
    static File otherFileSystem(File basedir, String name, String size) {
        File shm = new File('/dev/shm')
        if (shm.isDirectory() && shm.canWrite()
                && java.nio.file.Files.getFileStore(shm.toPath()) != java.nio.file.Files.getFileStore(basedir.toPath())) {
            return java.nio.file.Files.createTempDirectory(shm.toPath(), name).toFile()
        }
        return mountTmpfs(basedir, name, size)
    }

    /** Mounts a tmpfs of {@code size} under target/; null (with the reason printed) where this machine forbids it. */
    static File mountTmpfs(File basedir, String name, String size) {
        File dir = new File(basedir, "target/${name}")
        dir.mkdirs()
        Process p = new ProcessBuilder('mount', '-t', 'tmpfs', '-o', "size=${size}", 'tmpfs', dir.absolutePath)
                .redirectErrorStream(true).start()
        String out = p.inputStream.text
        if (p.waitFor() != 0) {
            println "SKIPPED: cannot mount a ${size} tmpfs at ${dir} (needs root and CAP_SYS_ADMIN): ${out.trim()}"
            return null
        }
        return dir
    }

    static void unmount(File dir) {
        new ProcessBuilder('umount', dir.absolutePath).inheritIO().start().waitFor()
    }
}

return new StagingChecks(basedir: basedir as File,
        h: evaluate(new File(itSourceDir as String, '_shared/helper.groovy')))
