// Runs Maven from an IT's verify script, as invoker runs it: the same Maven, the same local repository
// (where invoker installed the plugin under test), the same settings, offline.
//
//   def mvn = evaluate(new File(itDir, '_shared/maven.groovy'))
//   int exit = mvn.run(['package'], mvn.log('build-1'))
//
// Needs the script variables `mavenHome` (the POM passes ${maven.home}) and `localRepositoryPath` (invoker's).

import java.util.concurrent.TimeUnit

class MavenRunner {
    File basedir
    File mavenHome
    File localRepository
    File settings

    /** Fast-starting JVM flags: these builds are short, so start-up dominates. */
    static final String MAVEN_OPTS = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC'

    List<String> command(List<String> args) {
        [new File(mavenHome, 'bin/mvn').absolutePath, '-B', '-o', '-s', settings.absolutePath,
         "-Dmaven.repo.local=${localRepository.absolutePath}" as String] + args
    }

    File log(String name) {
        File dir = new File(basedir, 'target/it-logs')
        dir.mkdirs()
        return new File(dir, name + '.log')
    }

    /** Starts Maven in {@code dir}, stdout and stderr into {@code log}; Maven's launcher execs java, so this is its pid. */
    Process start(List<String> args, File log, File dir = basedir) {
        ProcessBuilder pb = new ProcessBuilder(command(args)).directory(dir).redirectErrorStream(true)
                .redirectOutput(log)
        pb.environment().put('MAVEN_OPTS', MAVEN_OPTS)
        return pb.start()
    }

    /** Runs Maven to its end and returns its exit status. */
    int run(List<String> args, File log, File dir = basedir) {
        Process p = start(args, log, dir)
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor()
            throw new AssertionError("mvn ${args.join(' ')} did not end within 600 s, see ${log}")
        }
        return p.exitValue()
    }

    /** Runs Maven, which must succeed. */
    void succeed(List<String> args, File log, File dir = basedir) {
        int exit = run(args, log, dir)
        assert exit == 0 && log.text.contains('BUILD SUCCESS'): "mvn ${args.join(' ')} exited ${exit}, see ${log}:\n${log.text.readLines().takeRight(40).join('\n')}"
    }
}

File settingsCopy = new File(basedir as File, 'target/it-settings.xml')
settingsCopy.parentFile.mkdirs()
settingsCopy.text = new File(itSourceDir as String, 'settings.xml').text
        .replace('@localRepositoryUrl@', new File(localRepositoryPath as String).toURI().toString())
return new MavenRunner(basedir: basedir as File, mavenHome: new File(mavenHome as String),
        localRepository: new File(localRepositoryPath as String), settings: settingsCopy)
