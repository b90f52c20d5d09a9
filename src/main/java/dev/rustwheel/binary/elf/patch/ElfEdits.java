package dev.rustwheel.binary.elf.patch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The edits one shared library needs, all planned together by {@link ElfPatcher} so that they cost one
 * appended region. Immutable; start from {@link #none()}.
 *
 * @param neededReplacements DT_NEEDED names to rewrite, old name to new; names the file does not need are
 *                           ignored (as patchelf does), so one map can serve every file of a wheel
 * @param soname             the new DT_SONAME, or null to keep the current one
 * @param searchPath         the new search path, or null to keep the current one
 */
public record ElfEdits(Map<String, String> neededReplacements, String soname, SearchPathEdit searchPath) {

    public ElfEdits {
        neededReplacements.forEach((from, to) -> {
            requireName(from, "DT_NEEDED");
            requireName(to, "DT_NEEDED");
        });
        neededReplacements = Map.copyOf(neededReplacements);
        if (soname != null) {
            requireName(soname, "DT_SONAME");
        }
    }

    public static ElfEdits none() {
        return new ElfEdits(Map.of(), null, null);
    }

    public ElfEdits replaceNeeded(String from, String to) {
        Map<String, String> more = new LinkedHashMap<>(neededReplacements);
        more.put(from, to);
        return new ElfEdits(more, soname, searchPath);
    }

    public ElfEdits withSoname(String newSoname) {
        return new ElfEdits(neededReplacements, newSoname, searchPath);
    }

    public ElfEdits withSearchPath(SearchPathEdit newSearchPath) {
        return new ElfEdits(neededReplacements, soname, newSearchPath);
    }

    public Optional<String> sonameEdit() {
        return Optional.ofNullable(soname);
    }

    public Optional<SearchPathEdit> searchPathEdit() {
        return Optional.ofNullable(searchPath);
    }

    /** No edit at all. Not named isX, to keep it out of any JSON form of this record. */
    public boolean changesNothing() {
        return neededReplacements.isEmpty() && soname == null && searchPath == null;
    }

    static void requireName(String value, String what) {
        if (value.isEmpty() || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " value '" + value.replace("\0", "\\0")
                    + "' is empty or contains a NUL byte, which an ELF string table cannot hold");
        }
    }
}
