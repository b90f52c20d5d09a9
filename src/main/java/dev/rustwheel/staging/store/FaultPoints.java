package dev.rustwheel.staging.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * For tests only: halts the JVM at a named point, as a power cut or {@code kill -9} would, so that tests can prove
 * that the next build recovers from whatever state the halt left. Armed by the mojos, from a test-only user
 * property, with {@code <point>} or {@code <point>@<n>} (halt on the n-th time the point is reached in this JVM,
 * counting across goals; the first time by default). Never set it in a real build.
 *
 * <p>{@link Runtime#halt(int)} rather than an exception or {@code System.exit}: no finally block, shutdown hook or
 * failure handler gets to tidy up, which is the point.
 */
public final class FaultPoints {

    /** Before a manifest write begins. */
    public static final String MANIFEST_BEFORE_WRITE = "manifest.before-write";
    /** After a manifest write, once it is durable. */
    public static final String MANIFEST_AFTER_WRITE = "manifest.after-write";
    /** Halfway through a cross-device copy, with half of the bytes durable in the {@code .partial} file. */
    public static final String COPY_MIDWAY = "copy.midway";
    /** After stage moved (or copied) an artifact, before the manifest says so. */
    public static final String STAGE_AFTER_MOVE = "stage.after-move";
    /** After an artifact was given back to cargo, before the manifest says so. */
    public static final String RESTORE_AFTER_MOVE = "restore.after-move";
    /** After an entry of the wheel was written to its temporary file. */
    public static final String WHEEL_AFTER_ENTRY = "wheel.after-entry";

    public static final List<String> ALL = List.of(MANIFEST_BEFORE_WRITE, MANIFEST_AFTER_WRITE, COPY_MIDWAY,
            STAGE_AFTER_MOVE, RESTORE_AFTER_MOVE, WHEEL_AFTER_ENTRY);

    /** The exit status of a halted JVM, so a test can tell the halt from a failed build. */
    public static final int HALT_STATUS = 86;

    private static String spec;
    private static String armedPoint;
    private static int armedOccurrence;
    private static final Map<String, Integer> REACHED = new HashMap<>();

    private FaultPoints() {
    }

    /**
     * Arms the point named by {@code value} ({@code null} or blank disarms). Arming the same value again keeps the
     * counts, so that every goal of one build can arm it and {@code @n} counts across them.
     *
     * @throws IllegalArgumentException naming the known points when {@code value} names none of them; its message
     *                                  begins with the quoted value, for the caller to put the property's name before
     */
    public static synchronized void arm(String value) {
        String normalized = value == null || value.isBlank() ? null : value.trim();
        if (Objects.equals(normalized, spec)) {
            return;
        }
        String point = null;
        int occurrence = 0;
        if (normalized != null) {
            int at = normalized.indexOf('@');
            point = at < 0 ? normalized : normalized.substring(0, at);
            occurrence = at < 0 ? 1 : parseOccurrence(normalized, normalized.substring(at + 1));
            if (!ALL.contains(point)) {
                throw new IllegalArgumentException("'" + value + "' names no fault point;"
                        + " use one of " + ALL + ", optionally followed by @<n> for the n-th time it is reached");
            }
        }
        spec = normalized;
        armedPoint = point;
        armedOccurrence = occurrence;
        REACHED.clear();
    }

    private static int parseOccurrence(String value, String digits) {
        try {
            int n = Integer.parseInt(digits);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + value + "': the part after @ must be a"
                + " positive number (the n-th time the point is reached)");
    }

    /** Halts the JVM if {@code point} is armed and this is the armed occurrence; otherwise does nothing. */
    public static void reach(String point) {
        synchronized (FaultPoints.class) {
            if (!point.equals(armedPoint)) {
                return;
            }
            int count = REACHED.merge(point, 1, Integer::sum);
            if (count != armedOccurrence) {
                return;
            }
        }
        System.err.println("[rustwheel] fault injection: halting at " + point + "@" + armedOccurrence);
        System.err.flush();
        Runtime.getRuntime().halt(HALT_STATUS);
    }
}
