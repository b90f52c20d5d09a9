package dev.rustwheel.binary.macho;

/**
 * A library a slice links, as its load command names it ({@code @rpath/libfoo.dylib},
 * {@code /usr/lib/libSystem.B.dylib}).
 *
 * @param kind         the load command's kind; a weak one may be missing at run time
 * @param installName  the name the loader resolves
 * @param commandIndex index of the command among the slice's load commands
 */
public record DylibReference(DylibKind kind, String installName, int commandIndex) {
}
