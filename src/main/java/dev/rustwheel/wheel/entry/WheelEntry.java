package dev.rustwheel.wheel.entry;

/**
 * One file in a wheel.
 *
 * @param path       where it goes in the archive: relative, {@code /}-separated, no {@code .} or {@code ..}
 *                   segments, so that no installer can be led outside the install directory
 * @param executable whether installers should make it executable (mode 0755 instead of 0644), as for scripts
 */
public record WheelEntry(String path, EntryContent content, boolean executable) {

    private static final int REGULAR_FILE = 0100000;

    public WheelEntry {
        requireSafePath(path);
    }

    /** The unix mode stored in the archive: file type bits included, since some unzippers look at them. */
    public int unixMode() {
        return REGULAR_FILE | (executable ? 0755 : 0644);
    }

    /** A loop, where a stream's method reference would cost every goal writing a wheel a class. */
    private static boolean hasControlCharacter(String path) {
        for (int i = 0; i < path.length(); i++) {
            if (Character.isISOControl(path.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static void requireSafePath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("\\")
                || hasControlCharacter(path)) {
            throw new IllegalArgumentException("invalid wheel entry path '" + path + "': it must be a relative"
                    + " file path with '/' separators and no control characters");
        }
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("invalid wheel entry path '" + path
                        + "': empty, '.' and '..' segments are not allowed");
            }
        }
    }
}
