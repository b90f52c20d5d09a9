package dev.rustwheel.goals;

/**
 * A goal could not do its job. {@link #isUserError()} separates what the user must fix in the project or its
 * configuration (the message says how) from failures of tools, the file system or the plugin itself.
 */
public final class BuildException extends Exception {

    private final boolean userError;

    private BuildException(String message, boolean userError, Throwable cause) {
        super(message, cause);
        this.userError = userError;
    }

    public static BuildException userError(String message, Throwable cause) {
        return new BuildException(message, true, cause);
    }

    public static BuildException toolFailure(String message, Throwable cause) {
        return new BuildException(message, false, cause);
    }

    public boolean isUserError() {
        return userError;
    }
}
