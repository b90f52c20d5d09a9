package dev.rustwheel.project;

/**
 * The project (pyproject.toml, {@code [tool.maturin]}, its files) cannot be resolved. {@link #isUserError()}
 * separates what the user must fix (the message names the file, table and key and says how) from failures of the
 * file system.
 */
public final class ProjectException extends Exception {

    private final boolean userError;

    private ProjectException(String message, boolean userError, Throwable cause) {
        super(message, cause);
        this.userError = userError;
    }

    public static ProjectException userError(String message, Throwable cause) {
        return new ProjectException(message, true, cause);
    }

    public static ProjectException toolFailure(String message, Throwable cause) {
        return new ProjectException(message, false, cause);
    }

    public boolean isUserError() {
        return userError;
    }
}
