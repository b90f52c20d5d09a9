package dev.rustwheel.build;

/**
 * How the {@code repair} goal audits the staged artifacts.
 *
 * @param compatibility {@code auto}, {@code linux}, or a policy such as {@code manylinux_2_17} or
 *                      {@code manylinux2014} that the wheel must meet
 * @param ldLibraryPath the build's {@code LD_LIBRARY_PATH} (may be null), searched for needed libraries
 */
public record RepairConfig(String compatibility, String ldLibraryPath) {
}
