// Checks for standards-level wheel contents (metadata, layouts, scripts), evaluated beside helper.groovy:
//
//   def s = evaluate(new File(itDir, '_shared/standards.groovy'))
//   s.entryNames(wheel), s.modes(h, wheel), s.validateMetadata(h, venvPython, wheel, distInfo) …

import java.util.zip.ZipFile

class Standards {

    /** Entry names in archive order. */
    static List<String> entryNames(File wheel) {
        new ZipFile(wheel).withCloseable { ZipFile z -> z.entries().collect { it.name } }
    }

    /** Asserts archive order: payload sorted, then .dist-info sorted, RECORD last. */
    static void assertArchiveOrder(List<String> names, String distInfo) {
        List<String> payload = names.findAll { !it.startsWith(distInfo + '/') }
        List<String> meta = names.findAll { it.startsWith(distInfo + '/') }
        assert names == payload + meta: "dist-info entries are not last: ${names}"
        assert payload == payload.toSorted(): "payload is not sorted: ${payload}"
        assert meta.last() == "${distInfo}/RECORD" as String: "RECORD is not the last entry: ${meta}"
        assert meta.init() == meta.init().toSorted(): "dist-info is not sorted: ${meta}"
    }

    /**
     * Installs PyPA's packaging into the venv (offline mirror) and validates METADATA with it:
     * Metadata.from_email(..., validate=True) raises on any field the specification forbids.
     */
    static void validateMetadata(def h, String venvPython, File wheel, String distInfo) {
        // --retries 0: where only the local mirror answers, pip would otherwise back off on the public index
        h.run([venvPython, '-m', 'pip', 'install', '--disable-pip-version-check', '--no-cache-dir', '-q',
               '--retries', '0', 'packaging'], h.basedir)
        String code = """\
import sys, zipfile
from packaging.metadata import Metadata
raw = zipfile.ZipFile(sys.argv[1]).read(sys.argv[2] + '/METADATA')
m = Metadata.from_email(raw, validate=True)
print(m.metadata_version, m.name, m.version)
"""
        String out = h.run([venvPython, '-c', code, wheel.absolutePath, distInfo], h.basedir).trim()
        assert out.startsWith('2.4 '): "packaging read METADATA as ${out}"
    }

    /** Permission bits of each entry, read by Python's zipfile (java.util.zip does not expose them). */
    static Map<String, String> modes(def h, File wheel) {
        String code = "import sys, zipfile\nfor i in zipfile.ZipFile(sys.argv[1]).infolist(): print(oct((i.external_attr >> 16) & 0o777), i.filename)"
        Map<String, String> modes = [:]
        h.run([h.python, '-c', code, wheel.absolutePath], h.basedir).readLines().each { line ->
            def (String mode, String name) = line.split(' ', 2) as List<String>
            modes[name] = mode
        }
        return modes
    }
}

return new Standards()
