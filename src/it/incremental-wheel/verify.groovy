import java.nio.file.Files

def itDir = new File(itSourceDir as String)
def h = evaluate(new File(itDir, '_shared/helper.groovy'))
def mvn = evaluate(new File(itDir, '_shared/maven.groovy'))

String module = 'incremental_demo'
h.assertLogContains(h.invocationLogs()[0], 'BUILD SUCCESS', 'Built wheel ')
File wheel = new File(basedir, 'target/wheels').listFiles().find { it.name.endsWith('.whl') }
assert wheel != null: 'the first build wrote no wheel'
byte[] cold = wheel.bytes
def modified = Files.getLastModifiedTime(wheel.toPath())
Thread.sleep(1100) // a rewrite, even on a file system with coarse times, would show a later mtime

// nothing changed: the wheel is left as it is, and the build says so in one line
File again = mvn.log('again')
mvn.succeed(['package'], again)
h.assertLogContains(again.text, "Wheel ${wheel} is up to date, nothing that goes into it changed")
assert Files.getLastModifiedTime(wheel.toPath()) == modified: "the unchanged wheel was rewritten"
assert wheel.bytes == cold

// one thread, into another directory (a cold write): the same bytes as the default thread count gave
File oneThreadDir = new File(basedir, 'target/wheels-one-thread')
File oneThread = mvn.log('one-thread')
mvn.succeed(['package', '-Drustwheel.threads=1', "-Drustwheel.wheelDirectory=${oneThreadDir}" as String], oneThread)
h.assertLogContains(oneThread.text, 'Built wheel ')
File single = new File(oneThreadDir, wheel.name)
assert single.bytes == cold: "-Drustwheel.threads=1 gave other bytes than the default (${Runtime.runtime.availableProcessors()} processors here)"

// a real client still takes the wheel left untouched
h.assertImports(wheel, module, ['m.add(2, 40)': '42'])
return true
