package dev.rustwheel.audit.linux;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.binary.elf.NameBytes;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Turns names read from ELF files into paths, the one place where they meet the file system. The JVM encodes
 * paths in the locale's charset ({@code sun.jnu.encoding}); under {@code LC_ALL=C} that is ASCII, and a name such
 * as {@code /opt/café/lib} cannot be expressed at all. That becomes an {@link AuditException} naming the file,
 * the name (escaped byte for byte) and the fix, instead of an {@link InvalidPathException} from deep inside.
 */
final class FileNames {

    private FileNames() {
    }

    /**
     * @param owner the file the name comes from
     * @param role  what the name is there, e.g. "DT_RUNPATH entry"
     */
    static Path path(String name, Path owner, String role) throws AuditException {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new AuditException(owner + ": its " + role + " '" + NameBytes.escaped(name) + "' cannot be a"
                    + " path under this JVM's file name encoding (" + System.getProperty("sun.jnu.encoding")
                    + ", from the locale). Run Maven under a UTF-8 locale (for example"
                    + " LC_ALL=C.UTF-8), or link without non-ASCII names.");
        }
    }

    /** {@code directory/name}, under the same rule. */
    static Path resolve(Path directory, String name, Path owner, String role) throws AuditException {
        try {
            return directory.resolve(name);
        } catch (InvalidPathException e) {
            return path(name, owner, role); // throws with the message above: the name is what cannot be encoded
        }
    }
}
