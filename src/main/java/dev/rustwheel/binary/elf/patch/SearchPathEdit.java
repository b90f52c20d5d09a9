package dev.rustwheel.binary.elf.patch;

import dev.rustwheel.binary.elf.DynamicEntry;

/**
 * What becomes of a library's search path (DT_RPATH / DT_RUNPATH). Setting one kind removes the other, so the
 * file ends with exactly the path asked for: the loader ignores DT_RPATH whenever DT_RUNPATH is present.
 *
 * @param kind  which entry the file keeps
 * @param value the colon-separated path; empty for {@link Kind#REMOVE}
 */
public record SearchPathEdit(Kind kind, String value) {

    public enum Kind {
        /** DT_RPATH, searched before LD_LIBRARY_PATH and for indirect dependencies too (auditwheel's choice). */
        RPATH,
        /** DT_RUNPATH, searched after LD_LIBRARY_PATH and only for the file's own DT_NEEDED. */
        RUNPATH,
        /** Neither. */
        REMOVE
    }

    public SearchPathEdit {
        if (kind == Kind.REMOVE) {
            if (!value.isEmpty()) {
                throw new IllegalArgumentException("removing the search path takes no value, got '" + value + "'");
            }
        } else {
            // an empty path would not mean "none" to the loader but the current directory
            ElfEdits.requireName(value, kind.name());
        }
    }

    public static SearchPathEdit rpath(String value) {
        return new SearchPathEdit(Kind.RPATH, value);
    }

    public static SearchPathEdit runpath(String value) {
        return new SearchPathEdit(Kind.RUNPATH, value);
    }

    public static SearchPathEdit remove() {
        return new SearchPathEdit(Kind.REMOVE, "");
    }

    long tag() {
        return kind == Kind.RUNPATH ? DynamicEntry.DT_RUNPATH : DynamicEntry.DT_RPATH;
    }
}
