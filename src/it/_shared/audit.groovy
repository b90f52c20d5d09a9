// Platform-tag checks for the integration tests, with binutils' readelf as the independent oracle:
//
//   def audit = evaluate(new File(itDir, '_shared/audit.groovy'))
//
// Only GLIBC versions decide the tags here: the ITs' crates need nothing else newer than manylinux_2_5 allows.

class AuditChecks {
    /** The x86-64 manylinux policies (PEP 600 glibc minor versions) and their legacy aliases. */
    /** The cpXY tag of the python3 on PATH, which the ITs build for. */
    static final String INTERPRETER = ['python3', '-c', 'import sys; print("cp%d%d" % sys.version_info[:2])']
            .execute().text.trim()
    static final List<Integer> GLIBC_MINORS = [5, 12, 17, 24, 26, 27, 28, 31, 34, 35, 36, 37, 38, 39, 40, 41]
    static final Map<Integer, String> ALIASES = [5: 'manylinux1', 12: 'manylinux2010', 17: 'manylinux2014']

    /** Every version name `readelf --version-info` lists in .gnu.version_r for {@code library}. */
    static List<String> requiredVersions(File so, String library = 'libc.so.6') {
        def proc = ['readelf', '--wide', '--version-info', so.absolutePath].execute()
        String out = proc.text
        assert proc.waitFor() == 0: "readelf failed on ${so}"
        List<String> versions = []
        String file = null
        out.eachLine { line ->
            def f = line =~ /File: (\S+)\s+Cnt:/
            def n = line =~ /^\s+0x\p{XDigit}+:\s+Name: (\S+)\s+Flags:/
            if (f.find()) file = f.group(1)
            else if (n.find() && file == library) versions << n.group(1)
        }
        return versions
    }

    static int glibcMinor(String version) { (version =~ /^GLIBC_2\.(\d+)/).with { it.find() ? it.group(1) as int : 0 } }

    /** The highest GLIBC version {@code so} requires according to readelf. */
    static String highestGlibc(File so) {
        requiredVersions(so).findAll { it.startsWith('GLIBC_2.') }.max { glibcMinor(it) }
    }

    /** The platform tags the most compatible policy gives {@code so}: ['manylinux_2_17_x86_64', 'manylinux2014_x86_64']. */
    static List<String> expectedPlatforms(File so) {
        int needed = glibcMinor(highestGlibc(so))
        Integer minor = GLIBC_MINORS.find { it >= needed }
        assert minor != null: "${so} needs GLIBC 2.${needed}, newer than any manylinux policy"
        return ["manylinux_2_${minor}_x86_64"] + (ALIASES[minor] ? ["${ALIASES[minor]}_x86_64" as String] : [])
    }

    /** The compressed platform part of a wheel's tag: manylinux_2_17_x86_64.manylinux2014_x86_64. */
    static String platformTag(File so) { expectedPlatforms(so).join('.') }

    /** The wheel's file-name tag, such as cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64. */
    static String fileTag(File so) { "${INTERPRETER}-${INTERPRETER}-" + expectedPlatforms(so).join('.') }

    /** The WHEEL file's Tag lines: one per platform. */
    static List<String> wheelTags(File so) { expectedPlatforms(so).collect { "${INTERPRETER}-${INTERPRETER}-${it}" as String } }
}

return new AuditChecks()
