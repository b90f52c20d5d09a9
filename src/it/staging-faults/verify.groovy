// (1) For every fault point: a build halted there (Runtime.halt, as a crash would), then an ordinary build. The
// wheel must be byte-identical to the undisturbed build's, cargo's output byte-identical to cargo's own, and cargo
// must report it fresh in the recovering build.
// (2) 50 builds killed with SIGKILL at random instants, one after another, then one clean build: after every
// kill the manifest parses and cargo's bytes are at cargo's path or at a staged path; at the end all is as in (1).
def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))
def mvn = evaluate(new File(itDir, '_shared/maven.groovy'))
def audit = evaluate(new File(itDir, '_shared/audit.groovy'))
def st = evaluate(new File(itDir, '_shared/staging.groovy'))

String module = 'fault_demo'
File wheel = h.singleWheel("fault_demo-0.1.0-${audit.fileTag(h.cdylib(basedir, module))}.whl")
byte[] undisturbedWheel = wheel.bytes
File so = h.cdylib(basedir, module)
h.assertCdylibClean(basedir, module)
String clean = h.sha256(so)

Closure assertAsUndisturbed = { String when ->
    assert wheel.bytes == undisturbedWheel: "${when}: the wheel differs from the undisturbed build's"
    h.assertCdylibClean(basedir, module)
    assert h.sha256(so) == clean: "${when}: cargo's ${so} is not the bytes cargo built"
    Map a = h.artifact(h.manifest(), 'cdylib', module)
    assert a.fresh == true: "${when}: cargo recompiled the crate in the recovering build (fresh=${a.fresh})"
    assert a.state == 'RESTORED': "${when}: the artifact is ${a.state} after the recovering build"
}

// `mvn package` writes the manifest 6 times: compile's record (1), stage's intent and result (2, 3), package's
// digest (4), package's restore intent and result (5, 6). Each point below leaves a different disk for recovery
// (which manifest state, which files where); the instants left out leave the same disk as one of them (a halt
// before write k+1 as a halt after write k when nothing moves in between; after write 1 as before write 1 but for
// the COMPILED state, which recovery skips alike; after write 3 as wheel.after-entry without the .part file;
// after write 6 as a finished build). Every named fault point is run at least once.
List<List<String>> points = [
        ['manifest.before-write@1'], ['manifest.after-write@2'], ['stage.after-move'], ['wheel.after-entry'],
        ['manifest.after-write@4'], ['manifest.after-write@5'], ['restore.after-move'],
]
File otherDevice = st.otherFileSystem(basedir, 'fault-staging', '64m')
if (otherDevice != null) {
    // staged on another file system: copied (and the copy cut halfway), cargo's original stays
    String staging = "-Drustwheel.stagingDirectory=${otherDevice}/staging"
    points += [['copy.midway', staging], ['stage.after-move', staging]]
}
try {
    points.eachWithIndex { List<String> point, int i ->
        String spec = point[0]
        File halted = mvn.log("fault-${i}-halted")
        // an unchanged wheel is left as it is: without it, package writes it anew and passes every point above
        assert wheel.delete(): "cannot delete ${wheel} before the halted build"
        int exit = mvn.run(['package', "-Drustwheel.faultInjection=${spec}" as String] + point.drop(1), halted)
        assert exit == 86 && halted.text.contains("fault injection: halting at ${spec.contains('@') ? spec : spec + '@1'}"):
                "${point}: the build was not halted there (exit ${exit}), see ${halted}"
        st.assertNothingLost(so, clean, "halted at ${point}")
        mvn.succeed(['package'], mvn.log("fault-${i}-recovered"))
        assertAsUndisturbed("after a halt at ${point}")
    }
} finally {
    if (otherDevice != null && otherDevice.path.startsWith('/dev/shm/')) otherDevice.deleteDir()
}

// ---- (2) killed at random instants, bounded by the length of an undisturbed build
long started = System.nanoTime()
mvn.succeed(['package'], mvn.log('kill-timing'))
long buildMillis = (System.nanoTime() - started).intdiv(1_000_000)
long seed = System.nanoTime()
println "kill loop: seed ${seed}, instants uniform in [0, ${buildMillis}) ms"
Random random = new Random(seed)
Map<String, Integer> foundAt = [cargo: 0, staged: 0]
int killed = 0
50.times { int i ->
    long at = (long) (random.nextDouble() * buildMillis)
    Process p = mvn.start(['package'], mvn.log("kill-${i}"))
    if (!p.waitFor(at, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        new ProcessBuilder('kill', '-9', String.valueOf(p.pid())).inheritIO().start().waitFor()
        p.waitFor()
        killed++
    }
    foundAt[st.assertNothingLost(so, clean, "build ${i} killed at ${at} ms (seed ${seed})")]++
}
println "kill loop: ${killed} of 50 builds killed; clean bytes found at ${foundAt}"
mvn.succeed(['package'], mvn.log('kill-final'))
assertAsUndisturbed("the clean build after the kill loop (seed ${seed})")
h.assertCargoFresh(basedir, module)
return true
